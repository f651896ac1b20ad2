import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';

/** A child process whose output is collected, so a test can wait until it says something. */
export interface WatchedProcess {
  child: ChildProcess;
  pid: number;
  /** Everything it wrote so far, stdout and stderr interleaved. */
  output(): string;
  /** Resolves once its output contains `text`; rejects if it exits first. */
  says(text: string): Promise<void>;
  /** Its exit code, or the signal that ended it, and all it wrote. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>;
}

/**
 * Starts `node <args>` with the Node running the tests and collects its output.
 *
 * @param args
 *   Arguments to Node.
 * @param options
 *   `cwd` and `env`, as for `spawn`.
 */
export function startNode(args: string[], options: SpawnOptions = {}): WatchedProcess {
  const child = spawn(process.execPath, args, { ...options, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve) => {
    child.on('close', (code, signal) => {
      for (const listener of listeners) listener();
      resolve({ code, signal, output });
    });
  });
  let closed = false;
  void exited.then(() => (closed = true));
  return {
    child,
    pid: child.pid ?? -1,
    output: () => output,
    exited,
    says: (text) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (output.includes(text)) {
            listeners.delete(check);
            resolve();
          } else if (closed || child.exitCode !== null || child.signalCode !== null) {
            listeners.delete(check);
            reject(new Error(`the process ended without saying ${JSON.stringify(text)}:\n${output.slice(-4000)}`));
          }
        };
        listeners.add(check);
        check();
      }),
  };
}

/**
 * Polls `check` until it holds: for states no event announces, such as a file appearing or another
 * process ending. Waits on the state, not on a time (the test's own timeout bounds it).
 */
export async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await delay(10);
}

/**
 * The environment without the variables vitest defines for `import.meta.env` (`BASE_URL=/`,
 * `MODE`, `NODE_ENV=test`...): Astro would take them as the build's own.
 */
export function shellEnv(): NodeJS.ProcessEnv {
  const { BASE_URL: _base, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, NODE_ENV: _node, ...env } = process.env;
  return env;
}
