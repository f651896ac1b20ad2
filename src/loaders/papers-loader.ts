import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { defaultThreadsFrom, poolFor, type WorkerPool } from '../node/worker-pool.ts';
import { parsePage, type ParsedPage } from './parse-page.ts';

export interface PapersLoaderOptions {
  /** Folder of `.mdx` pages, relative to the project root. */
  base: string;
  /** From how many changed pages to read them on worker threads (default 500). */
  threadsFrom?: number;
}

/** Reads pages with `parsePage`, on this thread or on others. */
type PageReader = WorkerPool<string, ParsedPage>;

/**
 * Loads paper pages into the content layer.
 *
 * Generated pages are rendered at load time by `renderGeneratedPage` (see `parsePage`): no Vite
 * module per page, which is most of an MDX build's cost, and no Markdown extension that could
 * turn listing text into markup. A page an author wrote or edited by hand (no generated header)
 * keeps the full MDX path and may use components. Entries whose file is unchanged since the last
 * build are reused from the content-layer cache; many changed pages are read on worker threads.
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
      const threadsFrom = options.threadsFrom ?? defaultThreadsFrom;
      await syncFolder(context, dir, threadsFrom);
      context.watcher?.add(dir);
      context.watcher?.on('all', (_event, path) => {
        if (path.startsWith(dir) && path.endsWith('.mdx')) void syncFolder(context, dir, threadsFrom);
      });
    },
  };
}

async function syncFolder(context: LoaderContext, dir: string, threadsFrom: number): Promise<void> {
  const { store, meta, logger } = context;
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.mdx')).sort();
  if (names.length === 0) logger.warn(`no .mdx pages in ${dir}: run \`npm run content\` first`);
  // Size and modification time of each file as the last sync read it: a file that still has
  // both was left alone by the generator (it rewrites only changed pages), so its cached entry
  // stands and the file is not read again.
  const seen = new Map<string, string>(Object.entries(JSON.parse(meta.get('files') ?? '{}') as Record<string, string>));
  const now = new Map<string, string>();
  const stale = new Set(store.keys());
  const changed: Array<{ id: string; path: string }> = [];
  // All at once: the calls queue in Node's I/O threads instead of waiting for each other.
  const infos = await Promise.all(names.map((name) => stat(join(dir, name))));
  for (const [index, name] of names.entries()) {
    const id = name.slice(0, -'.mdx'.length);
    const path = join(dir, name);
    const info = infos[index]!;
    const fingerprint = `${info.size}:${info.mtimeMs}`;
    now.set(name, fingerprint);
    stale.delete(id);
    const entry = store.get(id);
    if (entry && seen.get(name) === fingerprint) {
      // The store forgets module imports between builds; a hand-written page must re-register its own.
      if (entry.deferredRender && entry.filePath) store.addModuleImport(entry.filePath);
    } else {
      changed.push({ id, path });
    }
  }
  const reader: PageReader = poolFor(changed.length, new URL('./page-worker.ts', import.meta.url), parsePage, threadsFrom);
  try {
    await syncPages(context, changed, reader);
  } finally {
    await reader.close();
  }
  for (const id of stale) store.delete(id);
  meta.set('files', JSON.stringify(Object.fromEntries(now)));
}

/** Reads the changed pages (all sent to the reader first, so its threads are busy) and stores them in order. */
async function syncPages(context: LoaderContext, pages: ReadonlyArray<{ id: string; path: string }>, reader: PageReader): Promise<void> {
  const { store, parseData, generateDigest, config } = context;
  const jobs = [];
  for (const { id, path } of pages) {
    const source = await readFile(path, 'utf8');
    const digest = generateDigest(source);
    const filePath = relative(fileURLToPath(config.root), path).split('\\').join('/');
    const existing = store.get(id);
    if (existing?.digest === digest && existing.filePath === filePath) {
      if (existing.deferredRender) store.addModuleImport(filePath);
      continue;
    }
    const parsed = reader.run(source);
    // Settled later, in order; until then a rejection is not unhandled.
    parsed.catch(() => undefined);
    jobs.push({ id, path, filePath, digest, parsed });
  }
  for (const { id, path, filePath, digest, parsed } of jobs) {
    const page = await parsed.catch((error: Error) => {
      throw new Error(`${filePath}: ${error.message}`);
    });
    const data = await parseData({ id, data: page.data, filePath: path });
    if (page.html !== undefined) store.set({ id, data, filePath, digest, rendered: { html: page.html } });
    else store.set({ id, data, filePath, digest, deferredRender: true });
  }
}
