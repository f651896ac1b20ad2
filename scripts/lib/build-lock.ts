import { randomUUID } from 'node:crypto';
import { constants, readFileSync, unlinkSync } from 'node:fs';
import { link, mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { escapeRegExp, removeLeftovers } from './leftovers.ts';
import { isPidRunning, isRunning, recordProcess, type ProcessRecord } from './process-alive.ts';

/**
 * One build at a time per cache folder. `npm run build` is two steps (pages, then site) that read
 * and write the same folders; two builds interleaving their steps publish a mix of two listings.
 * So a build holds one lock, a file in the cache folder, from its first step to its last.
 *
 * The lock file is JSON lines: the owner (token, command, pid), then one line per process the
 * owner runs for the build. The lock is live while any of those processes runs, so killing the
 * owner does not free the lock while its child still writes; once none runs, the lock is stale
 * and the next build takes it over.
 */

/** Environment variable through which a build hands its lock to the steps it runs. */
export const lockTokenVariable = 'PAPERSHELF_BUILD_LOCK';

/** A held lock. */
export interface BuildLock {
  /** The lock file. */
  path: string;
  /** Whether this process took the lock (`false`: it joined the lock of the build that runs it). */
  owned: boolean;
  /** Environment for a step this process runs: the step joins this lock instead of waiting for it. */
  env: Record<string, string>;
  /** Counts a child process as a holder, so the lock stays live while it runs, even if this process dies. */
  adopt(pid: number | undefined): Promise<void>;
  /** Frees the lock, if this process owns it (also done on exit). */
  release(): Promise<void>;
}

/** How to take the lock. */
export interface LockOptions {
  /** Prefix of the lines printed while waiting (`build`, `content`). */
  phase: string;
  /** Where those lines go (default: stderr). */
  log?: (line: string) => void;
  /** How often to look at a held lock, in milliseconds (default 100). */
  pollMs?: number;
  /** Token of a lock to join (default: `PAPERSHELF_BUILD_LOCK` from the environment). */
  inherited?: string;
}

/** What a lock file says. */
interface LockState {
  /** The file's text, to recognise it unchanged before breaking it. */
  text: string;
  token?: string;
  /** The owner first, then the processes it adopted. */
  processes: ProcessRecord[];
}

/** The lock file of a cache folder. */
export function buildLockPath(cacheDir: string): string {
  return join(cacheDir, 'papershelf-build.lock');
}

/**
 * Takes the build lock of a cache folder, waiting while another build holds it. A lock whose
 * processes all ended (a killed build) is taken over. A process started by the holder with the
 * holder's token in its environment joins the lock instead of waiting for itself.
 *
 * Waiting polls the lock file: file-change notifications are not reliable on every file system,
 * and a poll every 100 ms costs nothing next to a build.
 *
 * @param cacheDir
 *   The build's cache folder (`PAPERSHELF_CACHE_DIR`); created if missing.
 * @param options
 *   Phase for the messages, and where they go.
 * @returns
 *   The held lock; it is freed on `release()` or when the process exits.
 */
export async function acquireBuildLock(cacheDir: string, options: LockOptions): Promise<BuildLock> {
  const path = buildLockPath(cacheDir);
  const log = options.log ?? ((line: string) => console.error(line));
  const inherited = options.inherited ?? process.env[lockTokenVariable];
  await mkdir(cacheDir, { recursive: true });
  let announced: string | undefined;
  for (;;) {
    const token = randomUUID();
    const owner = JSON.stringify({ token, command: describeCommand(), ...recordProcess() });
    if (await createExclusive(path, `${owner}\n`)) {
      await removeLockLeftovers(path);
      return holdLock(path, token, true);
    }
    const state = await readLock(path);
    if (!state) continue;
    if (inherited !== undefined && state.token === inherited) {
      if (await joinLock(path, inherited)) return holdLock(path, inherited, false);
      continue;
    }
    const running = state.processes.find(isRunning);
    if (!running) {
      if (await breakStaleLock(path, state.text)) {
        const pids = [...new Set(state.processes.map((record) => record.pid))].join(', ') || 'unknown';
        log(`${options.phase}: the build that held ${path} (pid ${pids}) is no longer running; taking over its lock`);
      }
      continue;
    }
    // Once per build waited for (a third build may take the lock before this one).
    if (announced !== state.token) log(`${options.phase}: waiting for the build running as pid ${running.pid} (lock ${path})`);
    announced = state.token;
    await delay(options.pollMs ?? 100);
  }
}

/** The handle of a held lock; an owned lock is also freed when the process exits. */
function holdLock(path: string, token: string, owned: boolean): BuildLock {
  const releaseOnExit = () => {
    try {
      if (readLockSync(path)?.token === token) unlinkSync(path);
    } catch {
      // Exiting anyway; a lock left behind is stale and will be taken over.
    }
  };
  if (owned) process.once('exit', releaseOnExit);
  return {
    path,
    owned,
    env: { [lockTokenVariable]: token },
    async adopt(pid) {
      if (pid !== undefined) await appendToLock(path, recordProcess(pid));
    },
    async release() {
      if (!owned) return;
      process.removeListener('exit', releaseOnExit);
      if ((await readLock(path))?.token === token) await rm(path, { force: true });
    },
  };
}

/**
 * Joins the lock of the build that started this process: adds this process to it, then checks
 * the line landed in that build's lock (a lock broken and taken by another build meanwhile has
 * another token, and this process must wait for it like any other).
 */
async function joinLock(path: string, token: string): Promise<boolean> {
  if (!(await appendToLock(path, recordProcess()))) return false;
  const state = await readLock(path);
  return state?.token === token;
}

/**
 * Adds a process to an existing lock file. One short append is atomic, so two processes of one
 * build adding themselves at once lose nothing; a lock file that is gone is not created again
 * (it would name no owner).
 *
 * @returns
 *   Whether there was a lock file to add to.
 */
async function appendToLock(path: string, record: ProcessRecord): Promise<boolean> {
  const file = await open(path, constants.O_WRONLY | constants.O_APPEND).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!file) return false;
  try {
    await file.write(`${JSON.stringify(record)}\n`);
    return true;
  } finally {
    await file.close();
  }
}

/**
 * Removes a stale lock, unless it changed since it was judged stale. Only one process at a time
 * may break the lock (it holds `<lock>.break`), and nobody else removes a lock whose processes
 * all ended, so the lock read again under the marker is still the one to remove if its text is
 * unchanged.
 *
 * @returns
 *   Whether this call removed it.
 */
async function breakStaleLock(path: string, staleText: string): Promise<boolean> {
  const marker = `${path}.break`;
  if (!(await createExclusive(marker, `${JSON.stringify(recordProcess())}\n`))) {
    // A breaker killed in these few steps would block every build: its marker goes too.
    const breaker = await readLock(marker);
    if (breaker && !breaker.processes.some(isRunning)) await rm(marker, { force: true });
    return false;
  }
  try {
    if ((await readLock(path))?.text !== staleText) return false;
    await rm(path, { force: true });
    return true;
  } finally {
    await rm(marker, { force: true });
  }
}

/**
 * Creates a file with its whole content, only if no file has that name: written under a temporary
 * name, then hard-linked (which fails when the name is taken), so no reader sees it half-written.
 *
 * @returns
 *   Whether this call created it.
 */
async function createExclusive(path: string, text: string): Promise<boolean> {
  // Unique even within one process, where two callers may race for the same lock.
  const temp = `${path}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
  await writeFile(temp, text);
  try {
    await link(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(temp, { force: true });
  }
}

/** What a lock file says; `undefined` when there is none. A garbled file reads as held by nobody. */
async function readLock(path: string): Promise<LockState | undefined> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  return text === undefined ? undefined : parseLock(text);
}

function readLockSync(path: string): LockState | undefined {
  try {
    return parseLock(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

function parseLock(text: string): LockState {
  const records = text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      try {
        return JSON.parse(line) as Partial<ProcessRecord> & { token?: string };
      } catch {
        return {};
      }
    });
  const processes = records.filter((record): record is ProcessRecord => typeof record.pid === 'number');
  return { text, token: records[0]?.token, processes };
}

/**
 * Temporary files of `createExclusive` left by killed processes (not this process's: another
 * caller in it may be between writing one and linking it).
 */
async function removeLockLeftovers(path: string): Promise<void> {
  await removeLeftovers(dirname(path), new RegExp(`^${escapeRegExp(basename(path))}\\.(?:break\\.)?(\\d+)\\.\\w+\\.tmp$`), (pid) => !isPidRunning(pid));
}

/** `node build.ts`: what holds the lock, for whoever reads the lock file. */
function describeCommand(): string {
  return process.argv
    .slice(1)
    .map((arg) => basename(arg))
    .join(' ');
}
