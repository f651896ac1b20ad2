import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { sampleTreeRss } from './process-tree-rss.ts';

/** A command to run and time. */
export interface CommandSpec {
  command: string;
  args: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** File that receives the command's stdout and stderr, unchanged. */
  logFile: string;
}

/** What one run cost. CPU and the largest process's RSS are `null` without GNU time. */
export interface Measurement {
  wallSeconds: number;
  /** User plus system CPU time of the whole process tree. */
  cpuSeconds: number | null;
  /** Peak RSS of the largest single process (GNU time's `%M`). */
  largestProcessRssKb: number | null;
  /** Peak of the sampled sum over the process tree. */
  treeRssKb: number;
  /** The larger of the two RSS figures: the one the report shows. */
  peakRssKb: number;
  logLines: number;
  logBytes: number;
  /** Warning lines (Astro and Vite print `[WARN]`, papershelf `warning:`). */
  warnings: number;
  /** A few distinct warning lines, to name what a build complains about. */
  warningSamples: string[];
  /** The last lines of output, for summaries and error messages. */
  tail: string[];
}

const gnuTime = '/usr/bin/time';
const ansiEscape = /\u001B\[[0-9;]*[A-Za-z]/g;

/**
 * Runs a command to completion under GNU time (when installed) and a `/proc` sampler, streaming
 * its output to a log file. Throws with the end of the log when the command fails.
 *
 * @param spec
 *   Command, working directory, environment and log file.
 * @returns
 *   Wall time, CPU time, peak memory and a digest of the output.
 */
export async function measureCommand(spec: CommandSpec): Promise<Measurement> {
  const timeFile = `${spec.logFile}.time`;
  const timed = existsSync(gnuTime);
  const [command, args] = timed
    ? [gnuTime, ['-f', '%e %U %S %M', '-o', timeFile, spec.command, ...spec.args]]
    : [spec.command, [...spec.args]];
  const log = createWriteStream(spec.logFile);
  const digest = createOutputDigest();
  const started = performance.now();
  const child = spawn(command, args, { cwd: spec.cwd, env: spec.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const sampler = sampleTreeRss(child.pid ?? -1);
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk: Buffer) => {
      log.write(chunk);
      digest.add(chunk);
    });
  }
  const [code] = (await once(child, 'close')) as [number | null];
  const wallSeconds = (performance.now() - started) / 1000;
  const treeRssKb = sampler.stop();
  log.end();
  await once(log, 'finish');
  const output = digest.finish();
  if (code !== 0) {
    throw new Error(`${spec.command} ${spec.args.join(' ')} exited with ${code}; log: ${spec.logFile}\n${output.tail.slice(-15).join('\n')}`);
  }
  const usage = timed ? readTimeFile(timeFile) : undefined;
  const largestProcessRssKb = usage?.maxRssKb ?? null;
  return {
    wallSeconds,
    cpuSeconds: usage ? usage.userSeconds + usage.systemSeconds : null,
    largestProcessRssKb,
    treeRssKb,
    peakRssKb: Math.max(treeRssKb, largestProcessRssKb ?? 0),
    ...output,
  };
}

// GNU time writes "Command exited with non-zero status" before the figures on failure: read the last line.
function readTimeFile(path: string): { userSeconds: number; systemSeconds: number; maxRssKb: number } {
  const last = readFileSync(path, 'utf8').trim().split('\n').at(-1) ?? '';
  const [, user = NaN, system = NaN, maxRss = NaN] = last.split(' ').map(Number);
  return { userSeconds: user, systemSeconds: system, maxRssKb: maxRss };
}

/** Counts lines and warnings of a stream of output without keeping it all in memory. */
function createOutputDigest() {
  let pending = '';
  let logLines = 0;
  let logBytes = 0;
  let warnings = 0;
  const warningSamples = new Set<string>();
  const tail: string[] = [];
  const addLine = (raw: string) => {
    const line = raw.replace(ansiEscape, '');
    logLines += 1;
    if (/\[warn\]|\bwarning:/i.test(line)) {
      warnings += 1;
      // Paths and numbers replaced, so a warning repeated once per page is one sample.
      if (warningSamples.size < 5) warningSamples.add(line.replace(/\S*\/\S*/g, '<path>').replace(/\d+/g, 'N').replace(/\s+/g, ' ').trim().slice(0, 160));
    }
    tail.push(line);
    if (tail.length > 200) tail.shift();
  };
  return {
    add(chunk: Buffer) {
      logBytes += chunk.length;
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop() ?? '';
      lines.forEach(addLine);
    },
    finish() {
      if (pending !== '') addLine(pending);
      return { logLines, logBytes, warnings, warningSamples: [...warningSamples], tail };
    },
  };
}
