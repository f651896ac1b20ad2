import { availableParallelism } from 'node:os';
import { parentPort, Worker } from 'node:worker_threads';

/** Runs one pure function on inputs, on this thread or on others; results come in any order. */
export interface WorkerPool<In, Out> {
  run(input: In): Promise<Out>;
  close(): Promise<void>;
}

/** From how many inputs threads pay off: below it, starting them costs more than they save. */
export const defaultThreadsFrom = 500;

/**
 * `createWorkerPool(script)` for `count` inputs from `threadsFrom` on, else `work` on this thread.
 * `script` must serve the same `work` (see `serveWorker`).
 */
export function poolFor<In, Out>(count: number, script: URL, work: (input: In) => Out, threadsFrom = defaultThreadsFrom, size?: number): WorkerPool<In, Out> {
  return count >= threadsFrom ? createWorkerPool<In, Out>(script, size) : inlinePool(work);
}

/** The function on this thread: for a few inputs, where starting threads would cost more. */
export function inlinePool<In, Out>(work: (input: In) => Out): WorkerPool<In, Out> {
  return {
    run: async (input) => work(input),
    close: async () => undefined,
  };
}

/**
 * The function on one worker thread per core, each running `script` (which calls `serveWorker`
 * with it). For work that is most of a step (rendering or emitting 10,000 pages): on threads of
 * its own it runs beside the main thread instead of in turn with it. Inputs and outputs are
 * plain data (structured clone); an error thrown by the function rejects that run with its message.
 *
 * @param script
 *   The worker's module (`new URL('./x-worker.ts', import.meta.url)`).
 * @param size
 *   Number of threads (default: one per core).
 */
export function createWorkerPool<In, Out>(script: URL, size = availableParallelism()): WorkerPool<In, Out> {
  const pending = new Map<number, { resolve: (output: Out) => void; reject: (error: Error) => void }>();
  // A thread that fails or stops fails every run waiting and every later one: none would answer.
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure ??= error;
    for (const { reject } of pending.values()) reject(failure);
    pending.clear();
  };
  let closing = false;
  const workers = Array.from({ length: Math.max(1, size) }, () => {
    const worker = new Worker(script);
    worker.on('message', ({ id, output, error }: { id: number; output?: Out; error?: string }) => {
      const job = pending.get(id);
      pending.delete(id);
      if (error !== undefined) job?.reject(new Error(error));
      else job?.resolve(output as Out);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!closing) fail(new Error(`a worker thread of ${script.pathname} stopped (exit code ${code})`));
    });
    return worker;
  });
  let next = 0;
  return {
    run(input) {
      if (failure) return Promise.reject(failure);
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        workers[id % workers.length]?.postMessage({ id, input });
      });
    },
    async close() {
      closing = true;
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/** The worker side of `createWorkerPool`: answers each input with `work(input)`. */
export function serveWorker<In, Out>(work: (input: In) => Out): void {
  parentPort?.on('message', ({ id, input }: { id: number; input: In }) => {
    try {
      parentPort?.postMessage({ id, output: work(input) });
    } catch (error) {
      parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  });
}
