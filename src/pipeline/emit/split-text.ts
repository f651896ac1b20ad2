import type { PhrasingContent, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';

/** A span of a text node's value and the node that replaces it. */
export interface TextMatch {
  start: number;
  end: number;
  node: PhrasingContent;
}

/**
 * Replaces spans of every text node outside links with other nodes, keeping the text between
 * them as text nodes: the one mechanism behind the plugins that turn URLs into links and formulas
 * into math.
 *
 * @param tree
 *   The tree to change in place.
 * @param find
 *   The spans of one text node's value, in order and not overlapping.
 */
export function splitText(tree: Root, find: (value: string) => TextMatch[]): void {
  visit(tree, 'text', (node, index, parent) => {
    if (!parent || index === undefined || parent.type === 'link') return;
    const matches = find(node.value);
    if (matches.length === 0) return;
    const replacement: PhrasingContent[] = [];
    let copied = 0;
    for (const match of matches) {
      if (match.start > copied) replacement.push({ type: 'text', value: node.value.slice(copied, match.start) });
      replacement.push(match.node);
      copied = match.end;
    }
    if (copied < node.value.length) replacement.push({ type: 'text', value: node.value.slice(copied) });
    parent.children.splice(index, 1, ...replacement);
    return [SKIP, index + replacement.length];
  });
}
