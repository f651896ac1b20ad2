import { readdirSync, readFileSync } from 'node:fs';

/** Samples the resident memory of a process and all its descendants until stopped. */
export interface TreeRssSampler {
  /** Stops sampling; returns the highest total seen, in KiB (0 where `/proc` is missing). */
  stop(): number;
}

/**
 * Polls `/proc` for the summed RSS of a process tree. `/usr/bin/time` only reports the largest
 * single process, which undercounts a build that runs workers or a helper binary beside Node.
 * Sampling can miss a short spike, so the report takes the larger of the two figures.
 *
 * @param rootPid
 *   Process whose tree to watch.
 * @param intervalMs
 *   Time between samples (default 200 ms).
 * @returns
 *   A handle to stop sampling and read the peak.
 */
export function sampleTreeRss(rootPid: number, intervalMs = 200): TreeRssSampler {
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, readTreeRssKb(rootPid));
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

function readTreeRssKb(rootPid: number): number {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return 0;
  }
  const children = new Map<number, number[]>();
  for (const pid of pids) {
    const stat = readOrEmpty(`/proc/${pid}/stat`);
    // The command name is in parentheses and may itself hold spaces or parentheses: read after the last one.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!Number.isFinite(ppid)) continue;
    children.set(ppid, [...(children.get(ppid) ?? []), Number(pid)]);
  }
  let total = 0;
  const pending = [rootPid];
  while (pending.length > 0) {
    const pid = pending.pop() as number;
    const rss = /^VmRSS:\s+(\d+) kB/m.exec(readOrEmpty(`/proc/${pid}/status`));
    total += rss ? Number(rss[1]) : 0;
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}

// Processes come and go between listing /proc and reading their files.
function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
