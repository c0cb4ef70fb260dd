// The browser globals the page callbacks (page.evaluate, $eval, waitForFunction) use. Not lib "dom": a
// `/// <reference lib="dom" />` reaches the whole test program and gives it DOM's fetch types, which refuse a
// Node Buffer as a request body (test/e2e/queue/front.ts).
interface Element {
	readonly textContent: string | null;
	readonly classList: { contains(name: string): boolean };
	getAttribute(name: string): string | null;
	checkVisibility(): boolean;
	matches(selector: string): boolean;
	querySelector(selector: string): Element | null;
	querySelectorAll(selector: string): ArrayLike<Element> & Iterable<Element>;
}

interface HTMLElement extends Element {
	readonly innerText: string;
	readonly offsetParent: Element | null;
	focus(): void;
}

interface HTMLImageElement extends HTMLElement {
	readonly complete: boolean;
	readonly naturalWidth: number;
}

interface HTMLInputElement extends HTMLElement {
	readonly value: string;
	select(): void;
}

declare const document: Pick<Element, 'querySelector' | 'querySelectorAll'> & {
	readonly activeElement: Element | null;
};
declare const window: { readonly location: { readonly pathname: string } };
