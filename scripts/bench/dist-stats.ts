import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';

/** One file of a built site. */
export interface SizedFile {
  /** Path inside the site, with `/` separators. */
  path: string;
  bytes: number;
}

/** Size and shape of a built site. */
export interface DistStats {
  bytes: number;
  files: number;
  htmlPages: number;
  /** Everything under `pagefind/`: the search index and its UI. */
  pagefindBytes: number;
  largestHtml?: SizedFile;
  /** The largest HTML page outside `papers/`: listings that must stay small at any site size. */
  largestIndexHtml?: SizedFile;
}

/**
 * Walks a built site and sums it up.
 *
 * @param dir
 *   The site's output folder (`dist/`).
 * @returns
 *   Total size, file and page counts, the search index's size and the largest pages.
 */
export async function measureDist(dir: string): Promise<DistStats> {
  const stats: DistStats = { bytes: 0, files: 0, htmlPages: 0, pagefindBytes: 0 };
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    const file = { path: full.slice(dir.length + 1).split(sep).join('/'), bytes: (await stat(full)).size };
    stats.bytes += file.bytes;
    stats.files += 1;
    if (file.path.startsWith('pagefind/')) stats.pagefindBytes += file.bytes;
    if (!file.path.endsWith('.html')) continue;
    stats.htmlPages += 1;
    if (file.bytes > (stats.largestHtml?.bytes ?? -1)) stats.largestHtml = file;
    if (!file.path.startsWith('papers/') && file.bytes > (stats.largestIndexHtml?.bytes ?? -1)) stats.largestIndexHtml = file;
  }
  return stats;
}

/** A digest of every file of a built site, by path, to count what a rebuild really changed. */
export async function fingerprintFiles(dir: string): Promise<Map<string, string>> {
  const digests = new Map<string, string>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    digests.set(full.slice(dir.length + 1).split(sep).join('/'), createHash('sha1').update(await readFile(full)).digest('hex'));
  }
  return digests;
}

/** Files added, removed or changed between two fingerprints. */
export function countChangedFiles(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): number {
  let changed = 0;
  for (const [path, digest] of after) if (before.get(path) !== digest) changed += 1;
  for (const path of before.keys()) if (!after.has(path)) changed += 1;
  return changed;
}
