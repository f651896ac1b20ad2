import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { acquireBuildLock, buildLockPath, lockTokenVariable, type BuildLock } from '../../scripts/lib/build-lock.ts';
import { isPidRunning, recordProcess } from '../../scripts/lib/process-alive.ts';
import { startNode, until, type WatchedProcess } from '../build/helpers/processes.ts';

// The build lock: one build at a time per cache folder, waiting rather than failing, and taking
// over the lock of a build that was killed. Other builds are real processes where it matters
// (a kill, a child joining); otherwise a second caller in this process.

const lockModule = new URL('../../scripts/lib/build-lock.ts', import.meta.url).href;

/**
 * A process holding the lock of `cacheDir` until its stdin closes; with `grandchild`, it also
 * starts a process of its own and adopts it, as `npm run build` does with its steps.
 */
function startHolder(cacheDir: string, { grandchild = false } = {}): WatchedProcess {
  const script = `
    import { spawn } from 'node:child_process';
    const { acquireBuildLock } = await import(${JSON.stringify(lockModule)});
    const lock = await acquireBuildLock(${JSON.stringify(cacheDir)}, { phase: 'holder', log: (line) => console.log(line) });
    console.log('holder: held, owned=' + lock.owned);
    if (${grandchild}) {
      const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 60000)'], { stdio: 'ignore' });
      await lock.adopt(child.pid);
      console.log('holder: started ' + child.pid + '.');
    }
    process.stdin.resume();
    process.stdin.on('end', async () => { await lock.release(); process.exit(0); });
  `;
  return startNode(['--input-type=module', '-e', script], { env: { ...process.env, [lockTokenVariable]: '' } });
}

/** Kills a process and waits until it is gone. */
async function kill(pid: number): Promise<void> {
  process.kill(pid, 'SIGKILL');
  await until(() => !isPidRunning(pid));
}

let cacheDir: string;
let lines: string[];
const log = (line: string) => lines.push(line);
const held: BuildLock[] = [];
const holders: WatchedProcess[] = [];

beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'papershelf-lock-'));
  lines = [];
});

afterEach(async () => {
  for (const lock of held.splice(0)) await lock.release();
  for (const holder of holders.splice(0)) {
    if (holder.child.exitCode === null && holder.child.signalCode === null) holder.child.kill('SIGKILL');
    await holder.exited;
  }
  await rm(cacheDir, { recursive: true, force: true });
});

async function take(options: { inherited?: string } = {}): Promise<BuildLock> {
  const lock = await acquireBuildLock(cacheDir, { phase: 'build', log, pollMs: 10, inherited: '', ...options });
  held.push(lock);
  return lock;
}

/** The token in the lock file, or undefined without one. */
function lockToken(): string | undefined {
  const path = buildLockPath(cacheDir);
  if (!existsSync(path)) return undefined;
  return (JSON.parse(readFileSync(path, 'utf8').split('\n')[0] ?? '{}') as { token?: string }).token;
}

describe('build lock', () => {
  test('takes a free lock and frees it on release', async () => {
    const lock = await take();
    expect(lock.owned).toBe(true);
    expect(lockToken()).toBe(lock.env[lockTokenVariable]);
    await lock.release();
    expect(existsSync(buildLockPath(cacheDir))).toBe(false);
    expect(lines).toEqual([]);
  });

  test('a second build waits for the first, says whom it waits for, and gets the lock once it is freed', async () => {
    const first = await take();
    let secondHeld = false;
    const second = take().then((lock) => {
      secondHeld = true;
      return lock;
    });
    await until(() => lines.some((line) => line.startsWith('build: waiting for the build running as pid')));
    expect(lines).toEqual([`build: waiting for the build running as pid ${process.pid} (lock ${buildLockPath(cacheDir)})`]);
    expect(secondHeld).toBe(false);
    expect(lockToken()).toBe(first.env[lockTokenVariable]);
    await first.release();
    const lock = await second;
    expect(lockToken()).toBe(lock.env[lockTokenVariable]);
  });

  test('a step started with the holder\'s token joins its lock instead of waiting for it', async () => {
    const lock = await take();
    const script = `
      const { acquireBuildLock } = await import(${JSON.stringify(lockModule)});
      const joined = await acquireBuildLock(${JSON.stringify(cacheDir)}, { phase: 'step' });
      console.log('step: owned=' + joined.owned);
      await joined.release();
    `;
    const step = startNode(['--input-type=module', '-e', script], { env: { ...process.env, ...lock.env } });
    const { code, output } = await step.exited;
    expect(code, output).toBe(0);
    expect(output).toBe('step: owned=false\n');
    // Releasing a joined lock leaves it with its owner, which now counts the step as a holder.
    expect(lockToken()).toBe(lock.env[lockTokenVariable]);
    expect(readFileSync(buildLockPath(cacheDir), 'utf8')).toContain(`"pid":${step.pid}`);
  });

  test('takes over the lock of a killed build', async () => {
    const holder = startHolder(cacheDir);
    holders.push(holder);
    await holder.says('holder: held, owned=true');
    await kill(holder.pid);
    const lock = await take();
    expect(lock.owned).toBe(true);
    expect(lines).toEqual([`build: the build that held ${buildLockPath(cacheDir)} (pid ${holder.pid}) is no longer running; taking over its lock`]);
  });

  test('the lock of a killed build stays held while a process it started still runs', async () => {
    const holder = startHolder(cacheDir, { grandchild: true });
    holders.push(holder);
    await holder.says('.\n');
    const grandchild = Number(/started (\d+)\./.exec(holder.output())?.[1]);
    await kill(holder.pid);
    let taken = false;
    const lock = take().then((taking) => {
      taken = true;
      return taking;
    });
    await until(() => lines.length > 0);
    expect(lines).toEqual([`build: waiting for the build running as pid ${grandchild} (lock ${buildLockPath(cacheDir)})`]);
    expect(taken).toBe(false);
    await kill(grandchild);
    expect((await lock).owned).toBe(true);
    expect(lines[1]).toContain('is no longer running; taking over its lock');
  });

  test('of two builds that find the same stale lock, one takes it and the other waits for it', async () => {
    const holder = startHolder(cacheDir);
    holders.push(holder);
    await holder.says('holder: held');
    await kill(holder.pid);
    const order: string[] = [];
    const a = take().then((lock) => (order.push('a'), lock));
    const b = take().then((lock) => (order.push('b'), lock));
    const first = await Promise.race([a, b]);
    // The other one waits for the first, which this process runs.
    await until(() => lines.some((line) => line.includes(`waiting for the build running as pid ${process.pid}`)));
    expect(order).toHaveLength(1);
    expect(lines.filter((line) => line.includes('taking over'))).toHaveLength(1);
    await first.release();
    await Promise.all([a, b]);
    expect(order).toHaveLength(2);
  });

  test.skipIf(!existsSync('/proc/self/stat'))('a lock naming a pid now given to another process is stale', async () => {
    // This process's pid, with a start time it never had: a killed build's pid, reused.
    const reused = { ...recordProcess(), started: 'another-start' };
    await writeFile(buildLockPath(cacheDir), `${JSON.stringify({ token: 'killed', command: 'build.ts', ...reused })}\n`);
    await take();
    expect(lines[0]).toContain('is no longer running; taking over its lock');
  });

  test('a garbled lock file is taken over, and temporary files of killed takers are removed', async () => {
    await writeFile(buildLockPath(cacheDir), 'not json');
    const holder = startHolder(cacheDir);
    await holder.says('held');
    holder.child.stdin?.end();
    await holder.exited;
    // A taker killed between writing its temporary file and linking it (pid of the holder, gone).
    const leftover = `${buildLockPath(cacheDir)}.${holder.pid}.0a1b2c3d.tmp`;
    await writeFile(leftover, '{}\n');
    await take();
    expect(holder.output()).toContain('taking over its lock');
    expect(existsSync(leftover)).toBe(false);
  });
});
