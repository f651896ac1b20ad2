import { Worker } from 'node:worker_threads';
import type { SearchFields } from '../../src/pipeline/enrich/enrich.ts';

/**
 * `prepareSearchIndex` on a thread of its own: the content step's thread completes and emits the
 * pages meanwhile, instead of waiting while Pagefind takes the records (4 s at 10,000 papers).
 *
 * @returns
 *   How many records Pagefind indexed (0 when the cache had the bundle); rejects with the
 *   thread's reason when indexing failed.
 */
export function indexSearchOnThread(papers: readonly SearchFields[], cacheDir: string): Promise<{ records: number; reused: boolean }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./index-search-worker.ts', import.meta.url), { workerData: { papers, cacheDir } });
    worker.once('message', (message: { done?: { records: number; reused: boolean }; error?: string }) => {
      if (message.done) resolve(message.done);
      else reject(new Error(message.error));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the search index thread stopped (exit ${code})`)));
  });
}
