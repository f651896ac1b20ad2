import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { generatedHeader } from '../pipeline/emit/emit-mdx.ts';
import { frontmatterPattern, renderGeneratedPage } from '../pipeline/emit/render-page.ts';

// The emitter writes this exact opening, and only into pages whose body it built from an escaped
// syntax tree: such a page holds no JSX and no ESM, and renders with papershelf's own safe
// processor (`renderGeneratedPage`), never with a Markdown engine that adds autolinks or raw HTML.
const generatedOpening = `---\n${generatedHeader}\n`;

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
 * The frontmatter is read as YAML 1.2 with its core schema (strings, numbers, booleans, null: a
 * date stays the string it is written as), by `js-yaml`, which Astro reads frontmatter with too
 * and which is several times faster than the emitter's YAML library. It reads back exactly what
 * that library writes (a unit test round-trips every character up to U+FFFF).
 *
 * @throws
 *   When the page has no frontmatter, or its YAML is malformed, with the page's line (the message
 *   names no file: the caller adds it).
 */
export function parsePage(source: string): ParsedPage {
  const frontmatter = frontmatterPattern.exec(source);
  if (!frontmatter) throw new Error('a paper page must start with YAML frontmatter');
  // After an empty line for the opening `---`, so that an error's line is the page's.
  const data = (loadYaml(`\n${frontmatter[1] ?? ''}`, { schema: CORE_SCHEMA }) ?? {}) as Record<string, unknown>;
  return source.startsWith(generatedOpening) ? { data, html: renderGeneratedPage(source) } : { data };
}
