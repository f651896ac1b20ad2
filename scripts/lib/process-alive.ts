import { readFileSync } from 'node:fs';

/** A process as a lock or a leftover records it: its id and, where the system says, when it started. */
export interface ProcessRecord {
  pid: number;
  /** Start time in clock ticks since boot (Linux), so a recycled pid is not taken for the old process. */
  started?: string;
}

/**
 * Records a running process (by default this one).
 *
 * @param pid
 *   Process id.
 */
export function recordProcess(pid: number = process.pid): ProcessRecord {
  const started = readStat(pid)?.started;
  return started === undefined ? { pid } : { pid, started };
}

/**
 * Whether the recorded process is still running: its pid answers signal 0, it is not a zombie
 * (killed, waiting to be reaped) and, where the start time was recorded, it is the same process
 * and not a later one that was given the same pid.
 */
export function isRunning(record: ProcessRecord): boolean {
  if (!isPidRunning(record.pid)) return false;
  const stat = readStat(record.pid);
  if (stat?.state === 'Z') return false;
  return record.started === undefined || stat === undefined || stat.started === record.started;
}

/**
 * Whether some process has this pid (a zombie counts as gone). For names of leftovers, which
 * carry only the pid.
 */
export function isPidRunning(pid: number): boolean {
  // 0 and negative numbers would signal process groups, not a process.
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return readStat(pid)?.state !== 'Z';
}

/** State and start time from `/proc/<pid>/stat`; `undefined` where there is no `/proc`. */
function readStat(pid: number): { state: string; started: string } | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // `pid (command) state ppid ...`: the command may hold spaces and parentheses, so count fields
  // from the last `)`. The state is field 3, the start time field 22.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const state = fields[0];
  const started = fields[19];
  return state !== undefined && started !== undefined ? { state, started } : undefined;
}
