/** A thread of the content step's pool (`emit-pages.ts`): emits the pages of the papers it is sent. */
import { serveWorker } from '../../src/node/worker-pool.ts';
import { emitPage } from '../../src/pipeline/generate-pages.ts';

serveWorker(emitPage);
