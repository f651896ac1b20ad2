import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { parsePage, type ParsedPage } from './parse-page.ts';

/** Reads pages with `parsePage`, on this thread or on others. */
export interface PageReader {
  parse(source: string): Promise<ParsedPage>;
  close(): Promise<void>;
}

/** `parsePage` on this thread: for a few pages, where starting threads would cost more. */
export const inlineReader: PageReader = {
  parse: async (source) => parsePage(source),
  close: async () => undefined,
};

/**
 * `parsePage` on one worker thread per core. Parsing YAML and rendering are most of the loader's
 * work at 10,000 pages; on threads of their own they run beside Astro's main thread instead of
 * in turn with it. Results are the same as `inlineReader`'s, whatever order they arrive in.
 *
 * @param size
 *   Number of threads (default: one per core).
 */
export function createPagePool(size = availableParallelism()): PageReader {
  const pending = new Map<number, { resolve: (page: ParsedPage) => void; reject: (error: Error) => void }>();
  const fail = (error: Error) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  const workers = Array.from({ length: Math.max(1, size) }, () => {
    const worker = new Worker(new URL('./page-worker.ts', import.meta.url));
    worker.on('message', ({ id, page, error }: { id: number; page?: ParsedPage; error?: string }) => {
      const job = pending.get(id);
      pending.delete(id);
      if (error !== undefined || !page) job?.reject(new Error(error));
      else job?.resolve(page);
    });
    worker.on('error', fail);
    return worker;
  });
  let next = 0;
  return {
    parse(source) {
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        workers[id % workers.length]?.postMessage({ id, source });
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
