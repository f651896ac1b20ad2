import type { Root } from 'hast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

// A generated page is read as the MDX the emitter wrote, so every escape it made (`\<`, `\{`,
// `&#x65;xport`) is honoured, and with nothing that turns text into markup: no autolink literals
// (the emitter makes every link itself), no raw HTML (remark-rehype drops `html` nodes), no smart
// punctuation. The sanitiser is a second wall: whatever the tree holds, the HTML keeps only
// GitHub's safe elements and attributes, and links only with http(s) or mailto URLs.
const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkMdx)
  .use(remarkRehype)
  .use(rehypeSanitize)
  .use(rehypeStringify)
  .freeze();

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
  const tree = processor.runSync(processor.parse(source)) as Root;
  return processor.stringify(tree);
}
