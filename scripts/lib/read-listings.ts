import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ListingFile } from '../../src/pipeline/parse.ts';

/** A listing read from disk, with the path errors should show. */
export interface ListingOnDisk extends ListingFile {
  /** Path as the user would type it (relative to the working directory when given so). */
  path: string;
}

/**
 * Reads a listing file, or every `.txt` file of a folder in code-point order of their names.
 *
 * @param source
 *   File or folder path.
 * @returns
 *   Listings in reading order; `file` is the name within the folder.
 */
export async function readListings(source: string): Promise<ListingOnDisk[]> {
  const info = await stat(source).catch((cause: unknown) => {
    throw new Error(`${source}: cannot read the listing source`, { cause });
  });
  const paths = info.isDirectory()
    ? (await readdir(source)).filter((name) => name.endsWith('.txt')).sort().map((name) => join(source, name))
    : [source];
  if (paths.length === 0) throw new Error(`${source}: no .txt listing in this folder`);
  return Promise.all(
    paths.map(async (path) => ({ path, file: basename(path), text: await readFile(path, 'utf8') })),
  );
}
