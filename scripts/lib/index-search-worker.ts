/** The thread of `indexSearchOnThread`: indexes the papers it is given, then says how it went. */
import { parentPort, workerData } from 'node:worker_threads';
import { prepareSearchIndex } from '../../src/integrations/search-index.ts';
import type { SearchFields } from '../../src/pipeline/enrich/enrich.ts';
import { describeError } from './step-failure.ts';

const { papers, cacheDir } = workerData as { papers: SearchFields[]; cacheDir: string };
try {
  parentPort?.postMessage({ done: await prepareSearchIndex(papers, { cacheDir }) });
} catch (error) {
  parentPort?.postMessage({ error: describeError(error) });
}
