import { XMLParser } from 'fast-xml-parser';
import { OperationalError } from 'n8n-workflow';

export type XmlValue = string | XmlElement | XmlValue[];
export interface XmlElement {
	[name: string]: XmlValue;
}

/**
 * Parses the flat XML documents MNS and XML-format error bodies use. Values stay strings (a
 * MessageBody holding JSON or a numeric-looking id must not be coerced); attributes and the
 * namespace declaration are dropped; `alwaysArray` names elements that may repeat.
 */
function parseXml(text: string, alwaysArray: readonly string[] = []): XmlElement {
	const parser = new XMLParser({
		ignoreAttributes: true,
		parseTagValue: false,
		parseAttributeValue: false,
		trimValues: false,
		ignoreDeclaration: true,
		htmlEntities: true,
		isArray: (name) => alwaysArray.includes(name),
	});
	const parsed: unknown = parser.parse(text, true);
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new OperationalError('The response is not an XML document');
	}
	return parsed as XmlElement;
}

/** Like parseXml, for bodies that may not be XML at all: undefined instead of an error. */
export function tryParseXml(text: string): XmlElement | undefined {
	if (!text.trimStart().startsWith('<')) return undefined;
	try {
		return parseXml(text);
	} catch {
		return undefined; // not well-formed XML: the caller reports the body without provider fields
	}
}

/** Reads a direct child that holds text, or undefined. */
export function xmlText(element: XmlValue | undefined, name: string): string | undefined {
	if (typeof element !== 'object' || element === null || Array.isArray(element)) return undefined;
	const child = element[name];
	return typeof child === 'string' ? child : undefined;
}
