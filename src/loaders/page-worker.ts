/** A thread of the loader's pool (`page-pool.ts`): reads the pages it is sent with `parsePage`. */
import { parentPort } from 'node:worker_threads';
import { parsePage } from './parse-page.ts';

parentPort?.on('message', ({ id, source }: { id: number; source: string }) => {
  try {
    parentPort?.postMessage({ id, page: parsePage(source) });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
