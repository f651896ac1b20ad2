import type { Root } from 'mdast';
import { findUrls } from '../find-urls.ts';
import { splitText } from './split-text.ts';

/**
 * remark plugin: turns the http(s) URLs in text, also inside TeX `\url{...}`, into links whose
 * text is the URL. The only links a generated page has are made here: the renderer turns no text
 * into a link by itself.
 */
export default function remarkLinkUrls() {
  return linkUrls;
}

/** The plugin's transform, for callers that hold a tree outside a processor. */
export function linkUrls(tree: Root): void {
  splitText(tree, (value) =>
    findUrls(value).map((match) => ({ start: match.start, end: match.end, node: { type: 'link', url: match.url, children: [{ type: 'text', value: match.url }] } })),
  );
}
