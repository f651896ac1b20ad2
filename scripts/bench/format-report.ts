import type { SiteResult, SizeResult } from './bench-size.ts';
import type { SizedFile } from './dist-stats.ts';
import type { BuildResult } from './run-build.ts';

/** The setting the figures were taken in, printed above the tables. */
export interface BenchEnvironment {
  date: string;
  cpus: number;
  memoryGiB: number;
  node: string;
  seed: number;
}

/** Index pages above this size fail the bench's budget (issue 5: under a few hundred KB). */
const indexPageBudgetBytes = 300 * 1024;

/**
 * Renders the results as Markdown, ready to paste into the README: per size, a phase table
 * (papershelf and baseline side by side), a table of the built sites and one of the rebuilds.
 *
 * @param environment
 *   Machine and run settings.
 * @param sizes
 *   One result per listing size.
 * @returns
 *   The report text.
 */
export function formatReport(environment: BenchEnvironment, sizes: readonly SizeResult[]): string {
  const lines = [
    `Benchmark of ${environment.date}: ${environment.cpus} CPUs, ${environment.memoryGiB} GiB RAM, Node ${environment.node}, seed ${environment.seed}.`,
    'Peak RSS: the largest of the process-tree sum (sampled) and the largest process (GNU time). papers/s: papers in the listing per second of the phase.',
  ];
  for (const size of sizes) lines.push('', ...formatSize(size));
  return `${lines.join('\n')}\n`;
}

function formatSize(size: SizeResult): string[] {
  const { papers, papershelf, baseline } = size;
  const lines = [
    size.days
      ? `### An archive of ${formatCount(size.days)} daily files, ${formatCount(papers)} distinct papers (35 new and 15 returning a day; ${formatMegabytes(size.listingBytes)})`
      : `### ${formatCount(papers)} papers (listing ${formatMegabytes(size.listingBytes)})`,
    '',
    '| build | phase | wall (s) | CPU (s) | peak RSS (MB) | papers/s | log lines (warnings) | vs baseline |',
    '|---|---|--:|--:|--:|--:|--:|--:|',
    ...phaseRows('papershelf', papershelf.build, papers, baseline?.build),
    ...(baseline ? phaseRows('baseline', baseline.build, papers) : []),
  ];
  const sites: [string, SiteResult][] = [['papershelf', papershelf], ...(baseline ? [['baseline', baseline] as [string, SiteResult]] : [])];
  lines.push('', '| site | dist/ | HTML pages | pagefind/ | largest page | largest index page |', '|---|--:|--:|--:|---|---|');
  for (const [name, site] of sites) lines.push(distRow(name, site));
  if (size.rebuilds.length > 0) {
    lines.push(
      '',
      '| papershelf rebuild | wall (s) | of full build | content | site | search index (in content) | .mdx written | removed | pages rendered | records indexed | dist/ files changed |',
      '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    );
    for (const rebuild of size.rebuilds) {
      const { build, pages, redone } = rebuild;
      const share = build.failure || papershelf.build.failure ? 'n/a' : `${Math.round((build.total.wallSeconds / papershelf.build.total.wallSeconds) * 100)}%`;
      const phase = (name: string) => build.phases.find((candidate) => candidate.phase === name)?.wallSeconds.toFixed(1) ?? '';
      lines.push(
        `| ${rebuild.change}${failureNote(build)} | ${build.total.wallSeconds.toFixed(1)} | ${share} | ${phase('content')} | ${phase('site')} | ${redone?.searchSeconds?.toFixed(1) ?? ''} | ` +
          `${pages?.written ?? '?'} | ${pages?.removed ?? '?'} | ${redone?.rendered ?? '?'} | ${redone?.indexed ?? '?'} | ${redone?.distChanged ?? '?'} |`,
      );
    }
  }
  const samples = sites.flatMap(([name, site]) => site.build.phases.flatMap((phase) => phase.warningSamples.map((sample) => `- ${name} ${phase.phase}: \`${sample}\``)));
  if (samples.length > 0) lines.push('', 'Warnings seen (paths and numbers elided):', ...samples);
  return lines;
}

function phaseRows(name: string, build: BuildResult, papers: number, baseline?: BuildResult): string[] {
  const rows = build.phases.map((phase) => {
    const other = baseline?.phases.find((candidate) => candidate.phase === phase.phase);
    return row(name, phase.phase, phase.wallSeconds, phase.cpuSeconds, phase.peakRssKb, papers, `${formatCount(phase.logLines)} (${formatCount(phase.warnings)})`, other && ratio(phase.wallSeconds, other.wallSeconds));
  });
  if (build.failure) rows.push(`| ${name} | ${build.failure.phase} | failed, see \`${build.failure.logFile}\` | | | | | |`);
  if (build.phases.length === 0) return rows;
  const complete = !build.failure && baseline && !baseline.failure;
  // On a busy machine CPU time is the steadier of the two, so the total row gives both ratios.
  const cpuRatio = complete && build.total.cpuSeconds !== null && baseline.total.cpuSeconds !== null ? ` (CPU ${ratio(build.total.cpuSeconds, baseline.total.cpuSeconds)})` : '';
  rows.push(row(name, '**total**', build.total.wallSeconds, build.total.cpuSeconds, build.total.peakRssKb, papers, '', complete ? `**${ratio(build.total.wallSeconds, baseline.total.wallSeconds)}**${cpuRatio}` : undefined));
  return rows;
}

function row(name: string, phase: string, wall: number, cpu: number | null, rssKb: number, papers: number, log: string, versus?: string): string {
  return `| ${name} | ${phase} | ${wall.toFixed(1)} | ${cpu === null ? 'n/a' : cpu.toFixed(1)} | ${Math.round(rssKb / 1024)} | ${formatCount(Math.round(papers / wall))} | ${log} | ${versus ?? ''} |`;
}

function distRow(name: string, site: SiteResult): string {
  const { dist } = site;
  if (!dist) return `| ${name} | not built | | | | |`;
  return `| ${name} | ${formatMegabytes(dist.bytes)} | ${formatCount(dist.htmlPages)} | ${formatMegabytes(dist.pagefindBytes)} | ${formatFile(dist.largestHtml)} | ${formatFile(dist.largestIndexHtml)}${(dist.largestIndexHtml?.bytes ?? 0) > indexPageBudgetBytes ? ' **over 300 KB**' : ''} |`;
}

function failureNote(build: BuildResult): string {
  return build.failure ? ` (${build.failure.phase} failed)` : '';
}

function ratio(value: number, reference: number): string {
  return `${(value / reference).toFixed(2)}x`;
}

function formatFile(file: SizedFile | undefined): string {
  return file ? `\`${file.path}\` ${Math.round(file.bytes / 1024)} KB` : '';
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}
