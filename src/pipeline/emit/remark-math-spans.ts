import type { PhrasingContent, Root } from 'mdast';
// `inlineMath` joins mdast's phrasing content through mdast-util-math's types.
import type {} from 'remark-math';
import { SKIP, visit } from 'unist-util-visit';
import { findMathSpans } from './find-math-spans.ts';

/**
 * remark plugin: turns the spans of text that are unambiguously math (`findMathSpans`) into
 * `inlineMath` nodes, which the stringifier writes as `$...$` and the renderer turns into MathML.
 * Link text (a URL) is left exactly as written.
 */
export default function remarkMathSpans() {
  return mathSpansInText;
}

/** The plugin's transform, for callers that hold a tree outside a processor. */
export function mathSpansInText(tree: Root): void {
  visit(tree, 'text', (node, index, parent) => {
    if (!parent || index === undefined || parent.type === 'link') return;
    const spans = findMathSpans(node.value);
    if (spans.length === 0) return;
    const replacement: PhrasingContent[] = [];
    let copied = 0;
    for (const span of spans) {
      if (span.start > copied) replacement.push({ type: 'text', value: node.value.slice(copied, span.start) });
      replacement.push({ type: 'inlineMath', value: span.tex });
      copied = span.end;
    }
    if (copied < node.value.length) replacement.push({ type: 'text', value: node.value.slice(copied) });
    parent.children.splice(index, 1, ...replacement);
    return [SKIP, index + replacement.length];
  });
}
