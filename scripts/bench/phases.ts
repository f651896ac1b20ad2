import { realpathSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import type { CommandSpec } from './measure-command.ts';

/** One step of a build, as a command to time. */
export interface Phase {
  name: string;
  spec: Omit<CommandSpec, 'logFile'>;
}

/** Where the project and its tools are. */
export interface Tools {
  projectRoot: string;
  /** The Node running the bench (22+), used for every child so PATH's older Node never runs. */
  node: string;
  /** JavaScript entry points behind `node_modules/.bin/astro` and `.bin/pagefind`. */
  astro: string;
  pagefind: string;
}

/** Folders of one papershelf build. */
export interface PapershelfDirs {
  /** The copy of the project to build (see `copyProject`). */
  project: string;
  listing: string;
  papers: string;
  dist: string;
  cache: string;
}

/**
 * Finds the tools of the project at `projectRoot`. The `.bin` shims start with
 * `#!/usr/bin/env node`, so they are resolved to their scripts and run with this Node instead.
 */
export function resolveTools(projectRoot: string): Tools {
  const bin = (name: string) => realpathSync(join(projectRoot, 'node_modules', '.bin', name));
  return { projectRoot, node: process.execPath, astro: bin('astro'), pagefind: bin('pagefind') };
}

/** The environment of every child: this Node first on PATH, no telemetry, no colours in logs. */
function childEnv(tools: Tools, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${dirname(tools.node)}${delimiter}${process.env.PATH ?? ''}`,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ...extra,
  };
}

/**
 * papershelf's build as `npm run build` runs it, in its two steps: content (listing to MDX, with
 * the search index built from the papers meanwhile) and site (Astro, which finds that index
 * built, then publishing).
 */
export function papershelfPhases(tools: Tools, dirs: PapershelfDirs): Phase[] {
  const cwd = dirs.project;
  const env = childEnv(tools, {
    PAPERS_SOURCE: dirs.listing,
    PAPERSHELF_PAPERS_DIR: dirs.papers,
    PAPERSHELF_SLUGS: `${dirs.papers}.slugs.yaml`,
    PAPERSHELF_OUT_DIR: dirs.dist,
    PAPERSHELF_CACHE_DIR: dirs.cache,
  });
  return [
    { name: 'content', spec: { command: tools.node, args: ['scripts/generate-papers.ts', '--search'], cwd, env } },
    // The real second half of `npm run build`: staging, publish, and nothing when nothing changed.
    { name: 'site', spec: { command: tools.node, args: ['scripts/build-site.ts'], cwd, env } },
  ];
}

/** The bare Astro + MDX site in `siteDir`, built from papershelf's pages, then indexed by the Pagefind CLI. */
export function baselinePhases(tools: Tools, siteDir: string, papersDir: string): Phase[] {
  const env = childEnv(tools, { PAPERSHELF_PAPERS_DIR: papersDir });
  return [
    { name: 'astro', spec: { command: tools.node, args: [tools.astro, 'build'], cwd: siteDir, env } },
    { name: 'pagefind', spec: { command: tools.node, args: [tools.pagefind, '--site', 'dist'], cwd: siteDir, env } },
  ];
}
