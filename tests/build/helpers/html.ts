import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';

export { selectAll };
export type { Root };

/** Parses a built page; `path` is relative to `outDir` (`papers/x/index.html`). */
export async function readPage(outDir: string, path: string): Promise<Root> {
  return fromHtml(await readFile(join(outDir, path), 'utf8'));
}

/** The first element matching `selector`, or a failure naming it. */
export function selectOne(selector: string, tree: Root | Element): Element {
  const element = select(selector, tree);
  if (!element) throw new Error(`no element matches ${selector}`);
  return element;
}

/** Text of an element with whitespace runs collapsed, as a reader sees it. */
export function textOf(element: Root | Element): string {
  return toText(element).replace(/\s+/g, ' ').trim();
}

/** `href` of an element as written. */
export function hrefOf(element: Element): string {
  const href = element.properties.href;
  if (typeof href !== 'string') throw new Error(`<${element.tagName}> has no href`);
  return href;
}
