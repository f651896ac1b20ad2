import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { defaultSchema, type Options as Schema } from 'rehype-sanitize';
import temml from 'temml';
import { SKIP, visit } from 'unist-util-visit';
import { mathCommands } from './find-math-spans.ts';

// The TeX the emitter writes (`findMathSpans`): anything else in a page's `$...$` is not rendered.
const texAlphabet = /^[A-Za-z0-9 \\{}^_()+\-*/=>,|.]{1,300}$/;

/**
 * Renders the TeX of a formula to a MathML `<math>` element at build time, with Temml (no
 * client JavaScript). The TeX is kept in the element as its `application/x-tex` annotation,
 * which browsers do not show but assistive tools and copying can read. (Search does not read
 * pages: its index is built from the frontmatter's abstract text.)
 *
 * Only TeX that `findMathSpans` could have written is rendered: its alphabet, and no command
 * outside its vocabulary (`mathCommands`); and Temml runs untrusted (`\href`, `\class`, `\style`
 * and their kind refused).
 *
 * @param tex
 *   TeX of one inline formula.
 * @returns
 *   The `<math>` element, or undefined when the TeX is not the emitter's or Temml cannot read it.
 */
export function texToMathml(tex: string): Element | undefined {
  if (!texAlphabet.test(tex)) return undefined;
  for (const [, name] of tex.matchAll(/\\([A-Za-z]+)/g)) if (!mathCommands.has(name ?? '')) return undefined;
  let html: string;
  try {
    html = temml.renderToString(tex, { annotate: true, throwOnError: true, trust: false, strict: false, maxExpand: 50 });
  } catch {
    return undefined;
  }
  const [math] = fromHtml(html, { fragment: true }).children;
  return math?.type === 'element' && math.tagName === 'math' ? math : undefined;
}

/** Class of the `<span>` that holds a formula and the text glued to it; the site styles it `white-space: nowrap`. */
export const unbrokenClass = 'nowrap';

/**
 * rehype plugin: puts each formula and the text glued to it (`poly(` and `)`, `(` and
 * `)-optimal`) in a `<span class="nowrap">`. A browser may break a line on either side of a
 * `<math>` as of any inline box, even after `(`; with that class styled `white-space: nowrap` it
 * breaks only where the text has a space.
 */
export function rehypeUnbrokenFormulas() {
  return (tree: Root) => {
    visit(tree, 'element', (parent: Element) => {
      if (parent.tagName === 'math') return SKIP;
      if (!parent.children.some(isFormula)) return;
      const children: ElementContent[] = [];
      let pending = [...parent.children];
      while (pending.length > 0) {
        const [child, ...rest] = pending;
        pending = rest;
        if (!child || !isFormula(child)) {
          if (child && !(child.type === 'text' && child.value === '')) children.push(child);
          continue;
        }
        const group: ElementContent[] = [child];
        const previous = children.at(-1);
        const tail = previous?.type === 'text' ? /\S+$/.exec(previous.value) : null;
        if (previous?.type === 'text' && tail) {
          previous.value = previous.value.slice(0, tail.index);
          if (previous.value === '') children.pop();
          group.unshift({ type: 'text', value: tail[0] });
        }
        const [next] = pending;
        const head = next?.type === 'text' ? /^\S+/.exec(next.value) : null;
        if (next?.type === 'text' && head) {
          group.push({ type: 'text', value: head[0] });
          pending[0] = { type: 'text', value: next.value.slice(head[0].length) };
        }
        children.push(group.length === 1 ? child : { type: 'element', tagName: 'span', properties: { className: [unbrokenClass] }, children: group });
      }
      parent.children = children;
      return SKIP;
    });
  };
}

function isFormula(node: ElementContent): boolean {
  return node.type === 'element' && node.tagName === 'math';
}

// Exactly what Temml makes of the vocabulary, no more: presentational attributes with the values
// it writes, and the classes its stylesheet knows. No `href`, `style` or `on*`; only GitHub's own
// attributes for every element (`title`, `lang`, ...) stay allowed on MathML as on HTML.
const mathmlTags = ['math', 'semantics', 'annotation', 'mrow', 'mi', 'mo', 'mn', 'msup', 'msub', 'msubsup', 'mspace', 'mpadded'] as const;
const temmlClasses = ['mathcal', 'mathscr', 'tml-prime', 'tml-sml-pad', 'tml-med-pad', 'tml-lrg-pad'];
const length = /^\d+(?:\.\d+)?em$/;
const common: NonNullable<Schema['attributes']>[string] = [['className', ...temmlClasses]];

/**
 * The sanitiser's schema for a rendered page: GitHub's, plus the MathML elements `texToMathml`
 * writes, each only inside a `<math>`, with the attributes and values Temml writes for the
 * emitter's vocabulary, and the class of `rehypeUnbrokenFormulas` on `<span>`.
 */
export const mathSanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), ...mathmlTags],
  ancestors: {
    ...defaultSchema.ancestors,
    ...Object.fromEntries(mathmlTags.filter((tag) => tag !== 'math').map((tag) => [tag, ['math']])),
  },
  attributes: {
    ...defaultSchema.attributes,
    span: [['className', unbrokenClass]],
    ...Object.fromEntries(mathmlTags.map((tag) => [tag, common])),
    mi: [...common, ['mathvariant', 'normal']],
    mo: [...common, ['fence', 'true'], ['form', 'prefix', 'infix', 'postfix'], ['stretchy', 'false'], ['separator', 'true'], ['lspace', length], ['rspace', length]],
    mspace: [...common, ['width', length]],
    mpadded: [...common, ['lspace', '0']],
    annotation: [['encoding', 'application/x-tex']],
  },
};
