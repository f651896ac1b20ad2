/** A thread of the loader's pool (`createWorkerPool`): reads the pages it is sent with `parsePage`. */
import { serveWorker } from '../node/worker-pool.ts';
import { parsePage } from './parse-page.ts';

serveWorker(parsePage);
