import type {
	INode,
	INodeParameters,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeTypeDescription,
} from 'n8n-workflow';

type PropertyEntry = INodeProperties | INodePropertyOptions | INodePropertyCollection;

function isProperty(entry: PropertyEntry): entry is INodeProperties {
	return 'type' in entry;
}

function isCollection(entry: PropertyEntry): entry is INodePropertyCollection {
	return 'values' in entry;
}

/** Every parameter, with the fields of its collections and fixed collections, depth first. */
export function allParameters(properties: readonly INodeProperties[]): INodeProperties[] {
	return properties.flatMap((property) => [property, ...nestedParameters(property)]);
}

function nestedParameters(property: INodeProperties): INodeProperties[] {
	const nested = (property.options ?? []).flatMap((entry: PropertyEntry) => {
		if (isProperty(entry)) return [entry];
		if (isCollection(entry)) return entry.values;
		return [];
	});
	return allParameters(nested);
}

/** What a user reads in the editor: labels, descriptions, hints, placeholders, option names and actions. */
export function visibleTexts(description: INodeTypeDescription): string[] {
	const texts = [description.displayName, description.description];
	for (const parameter of allParameters(description.properties)) {
		texts.push(parameter.displayName, parameter.description ?? '', parameter.hint ?? '');
		if (typeof parameter.placeholder === 'string') texts.push(parameter.placeholder);
		for (const entry of parameter.options ?? []) {
			if (!isProperty(entry) && !isCollection(entry)) {
				texts.push(entry.name, entry.description ?? '', entry.action ?? '');
			}
		}
	}
	return texts.filter((text) => text !== '');
}

/** The first parameter named `name`, fields of collections included. */
export function parameterNamed(
	properties: readonly INodeProperties[],
	name: string,
): INodeProperties {
	const found = allParameters(properties).find((parameter) => parameter.name === name);
	if (found === undefined) throw new Error(`no parameter ${name}`);
	return found;
}

/** A workflow node of `type` named `name`, at the origin, with these parameters as saved. */
export function workflowNode(type: string, name: string, parameters: INodeParameters = {}): INode {
	return { id: `${name}-id`, name, type, typeVersion: 1, position: [0, 0], parameters };
}
