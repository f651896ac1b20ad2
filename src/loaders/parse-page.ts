import { parse as parseYaml } from 'yaml';
import { generatedHeader } from '../pipeline/emit/emit-mdx.ts';
import { renderGeneratedPage } from '../pipeline/emit/render-page.ts';

// The emitter writes this exact opening, and only into pages whose body it built from an escaped
// syntax tree: such a page holds no JSX and no ESM, and renders with papershelf's own safe
// processor (`renderGeneratedPage`), never with a Markdown engine that adds autolinks or raw HTML.
const generatedOpening = `---\n${generatedHeader}\n`;
const frontmatterPattern = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** A paper page read: its frontmatter, and its HTML when the page is a generated one. */
export interface ParsedPage {
  data: Record<string, unknown>;
  /** Set for generated pages only; a hand-written page keeps the MDX path. */
  html?: string;
}

/**
 * Reads a paper page: parses its YAML frontmatter and renders it when papershelf generated it.
 * Pure, so that the loader can run it on other threads.
 *
 * @throws
 *   When the page has no frontmatter (the message names no file: the caller adds it).
 */
export function parsePage(source: string): ParsedPage {
  const frontmatter = frontmatterPattern.exec(source);
  if (!frontmatter) throw new Error('a paper page must start with YAML frontmatter');
  const data = (parseYaml(frontmatter[1] ?? '') ?? {}) as Record<string, unknown>;
  return source.startsWith(generatedOpening) ? { data, html: renderGeneratedPage(source) } : { data };
}
