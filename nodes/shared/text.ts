/** The text with its first letter in upper case, for messages that start with a caller's noun. */
export function upperFirst(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
