import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { parse as parseYaml } from 'yaml';
import { generatedHeader } from '../pipeline/emit/emit-mdx.ts';
import { renderGeneratedPage } from '../pipeline/emit/render-page.ts';

export interface PapersLoaderOptions {
  /** Folder of `.mdx` pages, relative to the project root. */
  base: string;
}

// The emitter writes this exact opening, and only into pages whose body it built from an escaped
// syntax tree: such a page holds no JSX and no ESM, and renders with papershelf's own safe
// processor (`renderGeneratedPage`), never with a Markdown engine that adds autolinks or raw HTML.
const generatedOpening = `---\n${generatedHeader}\n`;
const frontmatterPattern = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/**
 * Loads paper pages into the content layer.
 *
 * Generated pages are rendered at load time by `renderGeneratedPage`: no Vite module per page,
 * which is most of an MDX build's cost, and no Markdown extension that could turn listing text
 * into markup. A page an author wrote or
 * edited by hand (no generated header) keeps the full MDX path and may use components. Entries
 * whose file is unchanged since the last build are reused from the content-layer cache.
 *
 * @param options
 *   Where the pages are.
 * @returns
 *   An Astro content loader.
 */
export function papersLoader(options: PapersLoaderOptions): Loader {
  return {
    name: 'papershelf-papers',
    async load(context) {
      const dir = resolve(fileURLToPath(context.config.root), options.base);
      await syncFolder(context, dir);
      context.watcher?.add(dir);
      context.watcher?.on('all', (_event, path) => {
        if (path.startsWith(dir) && path.endsWith('.mdx')) void syncFolder(context, dir);
      });
    },
  };
}

async function syncFolder(context: LoaderContext, dir: string): Promise<void> {
  const { store, meta, logger } = context;
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.mdx')).sort();
  if (names.length === 0) logger.warn(`no .mdx pages in ${dir}: run \`npm run content\` first`);
  // Size and modification time of each file as the last sync read it: a file that still has
  // both was left alone by the generator (it rewrites only changed pages), so its cached entry
  // stands and the file is not read again.
  const seen = new Map<string, string>(Object.entries(JSON.parse(meta.get('files') ?? '{}') as Record<string, string>));
  const now = new Map<string, string>();
  const stale = new Set(store.keys());
  for (const name of names) {
    const id = name.slice(0, -'.mdx'.length);
    const path = join(dir, name);
    const info = await stat(path);
    const fingerprint = `${info.size}:${info.mtimeMs}`;
    now.set(name, fingerprint);
    stale.delete(id);
    const entry = store.get(id);
    if (entry && seen.get(name) === fingerprint) {
      // The store forgets module imports between builds; a hand-written page must re-register its own.
      if (entry.deferredRender && entry.filePath) store.addModuleImport(entry.filePath);
      continue;
    }
    await syncPage(context, id, path);
  }
  for (const id of stale) store.delete(id);
  meta.set('files', JSON.stringify(Object.fromEntries(now)));
}

async function syncPage(context: LoaderContext, id: string, path: string): Promise<void> {
  const { store, parseData, generateDigest, config } = context;
  const source = await readFile(path, 'utf8');
  const digest = generateDigest(source);
  const filePath = relative(fileURLToPath(config.root), path).split('\\').join('/');
  const existing = store.get(id);
  if (existing?.digest === digest && existing.filePath === filePath) {
    if (existing.deferredRender) store.addModuleImport(filePath);
    return;
  }
  const frontmatter = frontmatterPattern.exec(source);
  if (!frontmatter) throw new Error(`${filePath}: a paper page must start with YAML frontmatter`);
  const data = await parseData({ id, data: parseYaml(frontmatter[1] ?? '') ?? {}, filePath: path });
  if (source.startsWith(generatedOpening)) {
    store.set({ id, data, filePath, digest, rendered: { html: renderGeneratedPage(source) } });
  } else {
    store.set({ id, data, filePath, digest, deferredRender: true });
  }
}
