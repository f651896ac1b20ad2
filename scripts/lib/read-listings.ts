import { constants } from 'node:fs';
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import { basename, join, sep } from 'node:path';
import { decodeListing, ListingError, type ListingFile } from '../../src/pipeline/parse.ts';

/** A listing read from disk, with the path errors should show. */
export interface ListingOnDisk extends ListingFile {
  /** Path as the user would type it (relative to the working directory when given so). */
  path: string;
}

/** Largest listing file read: a 10,000-paper listing is about 20 MB. */
export const maxListingBytes = 256 * 1024 * 1024;

/**
 * Reads a listing file, or every `.txt` file of a folder in code-point order of their names.
 *
 * A folder holds listings and nothing else is read from it: each `.txt` entry must be a regular
 * file, or a symbolic link to one inside the folder. A link that leads out of the folder, a FIFO,
 * a device or a folder named `*.txt` is refused by name, before a byte of it is read, so a
 * listings folder can never publish a file its owner did not put there.
 *
 * @param source
 *   File or folder path.
 * @returns
 *   Listings in reading order; `file` is the name within the folder.
 */
export async function readListings(source: string): Promise<ListingOnDisk[]> {
  const info = await stat(source).catch((cause: unknown) => {
    throw new Error(`${source}: cannot read the listing source (${describeError(cause)})`, { cause });
  });
  if (!info.isDirectory()) return [await readListing(source, source)];
  const root = await realpath(source);
  const names = (await readdir(source)).filter((name) => name.endsWith('.txt')).sort();
  if (names.length === 0) throw new Error(`${source}: no .txt listing in this folder`);
  const listings: ListingOnDisk[] = [];
  for (const name of names) {
    const path = join(source, name);
    let target = path;
    if ((await lstat(path)).isSymbolicLink()) {
      target = await realpath(path).catch((cause: unknown) => {
        throw new Error(`${path}: a symbolic link that leads nowhere (${describeError(cause)})`, { cause });
      });
      if (!target.startsWith(root + sep)) throw new Error(`${path}: a symbolic link to a file outside the listings folder; a listing must be a file inside ${source}`);
    }
    listings.push(await readListing(path, target));
  }
  return listings;
}

/**
 * Reads one listing without following a link (the caller resolved it) and without blocking on a
 * FIFO: the file is opened first, then checked, so what is checked is what is read.
 */
async function readListing(path: string, target: string): Promise<ListingOnDisk> {
  const handle = await open(target, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK).catch((cause: unknown) => {
    throw new Error(`${path}: cannot read the listing (${describeError(cause)})`, { cause });
  });
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new Error(`${path}: not a regular file (${kindOf(info)}); a listing must be a text file`);
    if (info.size > maxListingBytes) throw new Error(`${path}: ${info.size.toLocaleString('en')} bytes; a listing may hold at most ${maxListingBytes.toLocaleString('en')}`);
    const bytes = await handle.readFile();
    try {
      return { path, ...decodeListing(basename(path), bytes) };
    } catch (error) {
      if (!(error instanceof ListingError)) throw error;
      throw new Error(`${path}${error.message.slice(error.location.file.length)}`, { cause: error });
    }
  } finally {
    await handle.close();
  }
}

function kindOf(info: Awaited<ReturnType<typeof stat>>): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a FIFO';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not a file';
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code ?? (error instanceof Error ? error.message : String(error));
}
