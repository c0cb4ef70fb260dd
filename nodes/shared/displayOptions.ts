import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/**
 * `show` and `hide` map a parameter name to its allowed values, so merging them key by key is the
 * whole deep merge; on a shared key the operation's values win, like lodash `merge` in n8n.
 */
function mergeDisplayOptions(
	own: IDisplayOptions | undefined,
	added: IDisplayOptions,
): IDisplayOptions {
	const merged: IDisplayOptions = { ...own, ...added };
	if (own?.show || added.show) merged.show = { ...own?.show, ...added.show };
	if (own?.hide || added.hide) merged.hide = { ...own?.hide, ...added.hide };
	return merged;
}

/**
 * Adds the operation's `displayOptions` to each property, keeping the property's own conditions
 * (e.g. `returnAll: [false]` on `limit`). Same contract as n8n's `updateDisplayOptions`
 * (packages/nodes-base/utils/utilities.ts), without lodash.
 */
export function updateDisplayOptions(
	displayOptions: IDisplayOptions,
	properties: INodeProperties[],
): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: mergeDisplayOptions(property.displayOptions, displayOptions),
	}));
}
