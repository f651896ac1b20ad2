import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isPidRunning } from './process-alive.ts';

/**
 * Whether a file or folder named with `pid` is a leftover: its process no longer runs, or it is
 * this process's pid, given again to a later process (this process's own temporary names are gone
 * by the time it looks, since it looks before writing or after finishing).
 */
export function isLeftover(pid: number): boolean {
  return pid === process.pid || !isPidRunning(pid);
}

/**
 * Removes what killed or failed runs left in `dir`: the entries whose names match `pattern` (its
 * first group is the pid of the process that made them) and are leftovers. Files and folders alike.
 *
 * @param dir
 *   Folder to look in (may be missing).
 * @param pattern
 *   Names of temporary entries, with the pid as first group, such as `/^\.(\d+)\.incoming$/`.
 * @param left
 *   Which pids count as gone (default `isLeftover`).
 * @returns
 *   Names removed.
 */
export async function removeLeftovers(dir: string, pattern: RegExp, left: (pid: number) => boolean = isLeftover): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const pid = pattern.exec(name)?.[1];
    if (pid === undefined || !left(Number(pid))) continue;
    await rm(join(dir, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/** `text` as a literal inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
