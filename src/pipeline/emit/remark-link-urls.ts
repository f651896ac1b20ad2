import type { PhrasingContent, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { findUrls } from '../find-urls.ts';

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
  visit(tree, 'text', (node, index, parent) => {
    if (!parent || index === undefined || parent.type === 'link') return;
    const matches = findUrls(node.value);
    if (matches.length === 0) return;
    const replacement: PhrasingContent[] = [];
    let copied = 0;
    for (const match of matches) {
      if (match.start > copied) replacement.push({ type: 'text', value: node.value.slice(copied, match.start) });
      replacement.push({ type: 'link', url: match.url, children: [{ type: 'text', value: match.url }] });
      copied = match.end;
    }
    if (copied < node.value.length) replacement.push({ type: 'text', value: node.value.slice(copied) });
    parent.children.splice(index, 1, ...replacement);
    return [SKIP, index + replacement.length];
  });
}
