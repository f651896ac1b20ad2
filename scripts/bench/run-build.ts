import { join } from 'node:path';
import { measureCommand, type Measurement } from './measure-command.ts';
import type { Phase } from './phases.ts';

/** One measured phase. */
export interface PhaseResult extends Measurement {
  phase: string;
  logFile: string;
}

/** One build: its phases in order, the first failure if any, and the sums. */
export interface BuildResult {
  phases: PhaseResult[];
  failure?: { phase: string; message: string; logFile: string };
  total: { wallSeconds: number; cpuSeconds: number | null; peakRssKb: number };
}

/**
 * Runs phases in order, each timed, announcing each as it starts. Stops at the first failure and
 * records it, so a partial build is still reported.
 *
 * @param label
 *   Prefix of progress lines and log names (`1000-papershelf`).
 * @param phases
 *   What to run.
 * @param logDir
 *   Folder for one log per phase.
 * @returns
 *   Per-phase figures and totals (wall and CPU summed, memory the highest phase peak).
 */
export async function runBuild(label: string, phases: readonly Phase[], logDir: string): Promise<BuildResult> {
  const results: PhaseResult[] = [];
  let failure: BuildResult['failure'];
  for (const phase of phases) {
    const logFile = join(logDir, `${label}-${phase.name}.log`);
    process.stderr.write(`bench: ${label} ${phase.name}...`);
    try {
      const measured = await measureCommand({ ...phase.spec, logFile });
      results.push({ phase: phase.name, logFile, ...measured });
      process.stderr.write(` ${measured.wallSeconds.toFixed(1)} s, ${Math.round(measured.peakRssKb / 1024)} MB\n`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(` FAILED\n${message}\n`);
      failure = { phase: phase.name, message, logFile };
      break;
    }
  }
  const cpu = results.map((result) => result.cpuSeconds);
  return {
    phases: results,
    ...(failure ? { failure } : {}),
    total: {
      wallSeconds: sum(results.map((result) => result.wallSeconds)),
      cpuSeconds: cpu.includes(null) ? null : sum(cpu as number[]),
      peakRssKb: Math.max(0, ...results.map((result) => result.peakRssKb)),
    },
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
