import type { Root } from 'hast';
import type { PhrasingContent } from 'mdast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype, { type Options as ToHastOptions } from 'remark-rehype';
import { unified } from 'unified';
import { mathSanitizeSchema, rehypeUnbrokenFormulas, texToMathml } from './render-math.ts';

type Handler = NonNullable<NonNullable<ToHastOptions['handlers']>['inlineMath']>;

/** A formula as MathML, or as its TeX in text when `texToMathml` refuses it. */
const inlineMathToHast: Handler = (state, node: Extract<PhrasingContent, { type: 'inlineMath' }>) => {
  const result = texToMathml(node.value) ?? { type: 'text', value: node.value };
  state.patch(node, result);
  return result;
};

// A generated page is read as the MDX the emitter wrote, so every escape it made (`\<`, `\{`,
// `\$`, `&#x65;xport`) is honoured, and with nothing that turns text into markup: no autolink
// literals (the emitter makes every link itself), no raw HTML (remark-rehype drops `html` nodes),
// no smart punctuation. Its `$...$` formulas become MathML at build time (`texToMathml`), or stay
// their TeX as text when they are not the emitter's, each kept on one line with the text glued to
// it (`rehypeUnbrokenFormulas`). The sanitiser is a second wall: whatever the
// tree holds, the HTML keeps only GitHub's safe elements and attributes, links only with http(s)
// or mailto URLs, and MathML only as Temml writes it for the emitter's formulas.
const processor = unified()
  .use(remarkParse)
  .use(remarkMath)
  .use(remarkMdx)
  .use(remarkRehype, { handlers: { inlineMath: inlineMathToHast } })
  .use(rehypeUnbrokenFormulas)
  .use(rehypeSanitize, mathSanitizeSchema)
  .use(rehypeStringify)
  .freeze();

/** The YAML frontmatter block a page starts with (the emitter's or a hand-written one); group 1 is its text. */
export const frontmatterPattern = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/**
 * Renders the body of a generated paper page to HTML. The site's loader renders every generated
 * page with this function, and the safety tests prove it safe on hostile text, so what is tested
 * is what readers get.
 *
 * @param source
 *   A whole `.mdx` page as the emitter writes it, frontmatter included.
 * @returns
 *   HTML of the body.
 */
export function renderGeneratedPage(source: string): string {
  // The frontmatter is data, read by a YAML parser (`parsePage`), so only the body is parsed
  // here: tokenising the YAML as Markdown was half of this function's time. Each frontmatter
  // line stays as an empty one, so positions in errors still name the page's own lines.
  const frontmatter = frontmatterPattern.exec(source)?.[0] ?? '';
  const body = '\n'.repeat(frontmatter.split('\n').length - 1) + source.slice(frontmatter.length);
  const tree = processor.runSync(processor.parse(body)) as Root;
  return processor.stringify(tree);
}
