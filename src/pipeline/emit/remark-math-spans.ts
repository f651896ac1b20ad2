import type { Root } from 'mdast';
// `inlineMath` joins mdast's phrasing content through mdast-util-math's types.
import type {} from 'remark-math';
import { findMathSpans } from './find-math-spans.ts';
import { splitText } from './split-text.ts';

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
  splitText(tree, (value) => findMathSpans(value).map((span) => ({ start: span.start, end: span.end, node: { type: 'inlineMath', value: span.tex } })));
}
