import { z } from 'astro/zod';
import { Document, isMap, isNode, isScalar, LineCounter, parseDocument } from 'yaml';
import { kebabCasePattern } from './paper.ts';

/** The registry that ships with papershelf, for the embedded listing. */
export const defaultSlugRegistryPath = 'content/slugs.yaml';

const slugSchema = z.string().regex(kebabCasePattern).max(90);

/**
 * `content/slugs.yaml`: the permanent address of every paper ever published, `/papers/<slug>/`.
 * `npm run content` adds each new paper; the site owner commits the file with the listings.
 */
export const slugRegistrySchema = z.object({
  /** Slug -> the paper's title (papers are the same when their titles match after NFKC, case folding and whitespace). */
  papers: z.record(slugSchema, z.string().min(1)).default({}),
  /** Former slug -> the slug that replaced it: the old address becomes a redirect page. */
  redirects: z.record(slugSchema, slugSchema).default({}),
});

export type SlugRegistry = z.output<typeof slugRegistrySchema>;

const header = [
  ' Paper addresses: each paper\'s page is /papers/<slug>/, and a published slug stays with its paper.',
  ' `npm run content` adds every new paper here; commit this file with the listings.',
  ' To change an address, change the slug (the key) below and run `npm run content`: the old one is',
  ' added under `redirects`, and its page sends readers to the new one.',
].join('\n');

/**
 * Reads a slug registry. Errors name the file and line: a broken registry must never silently
 * move a published address.
 *
 * @param text
 *   The YAML text (empty for a new registry).
 * @param file
 *   Path errors should show.
 */
export function parseSlugRegistry(text: string, file: string): SlugRegistry {
  const lineCounter = new LineCounter();
  // The parser's own duplicate-key check compares each key with every earlier one: seconds at
  // 10,000 papers. `assertUniqueKeys` does the same check in one pass.
  const document = parseDocument(text, { lineCounter, uniqueKeys: false });
  const [yamlError] = document.errors;
  if (yamlError) throw new Error(`${file}:${yamlError.linePos?.[0].line ?? 1}: ${yamlError.message.split('\n')[0]}`);
  assertUniqueKeys(document.contents, (offset) => `${file}:${lineCounter.linePos(offset).line}`);
  const result = slugRegistrySchema.safeParse(document.toJS() ?? {});
  if (!result.success) {
    const [issue] = result.error.issues;
    const node = issue ? document.getIn(issue.path as (string | number)[], true) : undefined;
    const offset = isNode(node) ? node.range?.[0] : undefined;
    const line = offset === undefined ? 1 : lineCounter.linePos(offset).line;
    throw new Error(`${file}:${line}: ${issue?.path.join('.') || 'registry'}: ${issue?.message ?? 'invalid'}`);
  }
  const registry = result.data;
  for (const [from, to] of Object.entries(registry.redirects)) {
    if (from in registry.papers) throw new Error(`${file}: ${from} is both a paper's slug and a redirect`);
    if (!(to in registry.papers)) throw new Error(`${file}: the redirect ${from} -> ${to} leads to no paper`);
  }
  return registry;
}

/** Throws `<where>: Map keys must be unique` at the second use of a key in any mapping of the document. */
function assertUniqueKeys(node: unknown, where: (offset: number) => string): void {
  if (!isMap(node)) return;
  const seen = new Set<unknown>();
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? pair.key.value : pair.key;
    if (seen.has(key)) throw new Error(`${where(isNode(pair.key) ? (pair.key.range?.[0] ?? 0) : 0)}: Map keys must be unique`);
    seen.add(key);
    assertUniqueKeys(pair.value, where);
  }
}

/** Writes a registry: one line per paper, sorted by slug, so merges and diffs stay small. */
export function serializeSlugRegistry(registry: SlugRegistry): string {
  const sorted = (record: Record<string, string>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const document = new Document({ papers: sorted(registry.papers), redirects: sorted(registry.redirects) });
  document.commentBefore = header;
  return document.toString({ lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
}

/**
 * Astro's `redirects`: `/papers/<from>/` -> `<base>papers/<to>/` for each redirect. Astro puts the
 * base before the old address itself, not before the new one.
 *
 * @param base
 *   The site's base path, with both slashes (`/` or `/sub/`).
 */
export function redirectRoutes(registry: SlugRegistry, base = '/'): Record<string, string> {
  return Object.fromEntries(Object.entries(registry.redirects).map(([from, to]) => [`/papers/${from}/`, `${base}papers/${to}/`]));
}
