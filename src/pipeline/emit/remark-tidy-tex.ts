import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { tidyTex } from './tidy-tex.ts';

/**
 * remark plugin: makes known TeX residue in text readable (`tidyTex`), leaving link text (a URL)
 * exactly as written.
 */
export default function remarkTidyTex() {
  return tidyTexInText;
}

/** The plugin's transform, for callers that hold a tree outside a processor. */
export function tidyTexInText(tree: Root): void {
  visit(tree, 'text', (node, _index, parent) => {
    if (parent?.type !== 'link') node.value = tidyTex(node.value);
  });
}
