/**
 * `npm run bench`: builds synthetic listings of N papers with papershelf and with a bare
 * Astro + MDX + Pagefind baseline on the same pages, and prints a Markdown table per size.
 *
 *   node scripts/bench.ts [--papers 1000,10000] [--archive 286] [--skip-baseline] [--incremental] [--seed 1] [--keep]
 *
 * `--archive N` adds an archive of N daily files (35 new and 15 returning papers a day), the shape
 * of a site that gets a listing every day; `--papers ''` leaves out the single listings.
 *
 * Progress goes to stderr, the report to stdout; the figures are also written as JSON (with every
 * phase's log) under a temporary folder, whose path is printed at the end.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchSize, type SizeResult } from './bench/bench-size.ts';
import { formatReport } from './bench/format-report.ts';
import { resolveTools } from './bench/phases.ts';

const { values: flags } = parseArgs({
  options: {
    papers: { type: 'string', default: '1000,10000' },
    archive: { type: 'string', default: '' },
    seed: { type: 'string', default: '1' },
    'skip-baseline': { type: 'boolean', default: false },
    incremental: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});

const sizes = flags.papers.split(',').filter((text) => text.trim()).map((text) => Number(text.trim()));
const archiveDays = flags.archive ? Number(flags.archive) : undefined;
const seed = Number(flags.seed);
if (sizes.some((size) => !Number.isInteger(size) || size < 1) || !Number.isInteger(seed) || (archiveDays !== undefined && !(Number.isInteger(archiveDays) && archiveDays > 0))) {
  console.error('bench: --papers takes positive integers separated by commas (1000,10000), --archive a number of days, --seed an integer');
  process.exit(2);
}

// 1. One work folder per run; each size gets its own subfolder for listing, builds and logs.
const tools = resolveTools(fileURLToPath(new URL('..', import.meta.url)));
const workDir = await mkdtemp(join(tmpdir(), 'papershelf-bench-'));
process.stderr.write(`bench: working in ${workDir}\n`);

// 2. Each size in turn, smallest first as given; a failed phase is recorded and the run goes on.
const results: SizeResult[] = [];
for (const papers of sizes) {
  results.push(await benchSize({
    papers, seed, sectionSize: 50, tools,
    baseline: !flags['skip-baseline'], incremental: flags.incremental, keep: flags.keep,
    workDir: join(workDir, String(papers)),
  }));
}
if (archiveDays) {
  results.push(await benchSize({
    papers: archiveDays * 35, days: archiveDays, seed, sectionSize: 50, tools,
    baseline: !flags['skip-baseline'], incremental: flags.incremental, keep: flags.keep,
    workDir: join(workDir, `archive-${archiveDays}`),
  }));
}

// 3. The report on stdout, the raw figures beside the logs.
const environment = { date: new Date().toISOString().slice(0, 10), cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, seed };
const resultsFile = join(workDir, 'results.json');
await writeFile(resultsFile, `${JSON.stringify({ environment, results }, null, 2)}\n`);
process.stdout.write(formatReport(environment, results));
process.stderr.write(`bench: figures and logs in ${resultsFile}\n`);
