import { cp, lstat, mkdir, readdir, readlink, rename, rm, symlink } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { escapeRegExp, isLeftover, removeLeftovers } from './leftovers.ts';

/**
 * Published sites live in version folders beside the target, `.dist.versions/<version>/`, and
 * the target (`dist`) is a symbolic link to the current one. Publishing points a new link at the
 * new version and renames it over the target: one rename(2), atomic, so there is no moment at
 * which `dist` is missing or holds a mix, whenever the build is killed. (Swapping two real
 * folders takes two renames, and a kill between them leaves no site at all.)
 *
 * Names carry the pid of the process that made them, so what a killed process left behind can be
 * told from what a running one is writing.
 */

let sequence = 0;

/**
 * Makes the finished folder `staged` the target, atomically.
 *
 * A target that is still a real folder (built before this layout) is moved aside and replaced by
 * the link: two renames, once. On failure, everything this call made is removed and the target is
 * as it was; `staged` may then still exist, and is the caller's to remove.
 *
 * @param staged
 *   Complete new folder (consumed on success). Renamed into place, or copied when it is on
 *   another file system.
 * @param target
 *   Path to publish at (may be missing).
 * @param trash
 *   A folder on the same file system to move the replaced version into, for the caller to
 *   remove when it has time (optional). Removing a site of 10,000 papers takes seconds; moving
 *   it, a rename. Without it, or across file systems, the replaced version is removed here.
 */
export async function publishDirectory(staged: string, target: string, trash?: string): Promise<void> {
  const versions = versionsFolder(target);
  await mkdir(versions, { recursive: true });
  const version = join(versions, `${Date.now()}-${process.pid}-${++sequence}`);
  try {
    await moveFolder(staged, version);
    await pointTargetAt(target, version);
  } catch (error) {
    await rm(version, { recursive: true, force: true });
    throw error;
  }
  // The site is published; an old version that cannot be removed now goes at the next start.
  await removeOldVersions(target, trash).catch(() => undefined);
}

/**
 * Removes what killed or failed publishes left beside `target`: version folders it does not
 * point at, half-copied versions, links never renamed into place, and the `.<pid>.incoming` and
 * `.<pid>.outgoing` folders of the older two-rename layout. If such a kill left no target, the
 * old site it had moved aside (`outgoing`) is put back.
 *
 * Only leftovers of processes no longer running (or of an earlier process with this one's pid)
 * are touched; call it at the start of a build, holding the build lock.
 *
 * @param target
 *   Path the site is published at.
 */
export async function removePublishLeftovers(target: string): Promise<void> {
  const parent = dirname(target);
  // `outgoing` is a whole site, moved aside just before the new one was to take its place.
  const outgoing = (await readdir(parent).catch(() => [] as string[])).find((entry) => /^\.\d+\.outgoing$/.test(entry));
  if (outgoing && isLeftover(Number(outgoing.split('.')[1])) && !(await exists(target))) await rename(join(parent, outgoing), target);
  await removeLeftovers(parent, /^\.(\d+)\.(?:incoming|outgoing)$/);
  await removeLeftovers(parent, new RegExp(`^\\.${escapeRegExp(basename(target))}\\.(\\d+)\\.link$`));
  await removeOldVersions(target);
}

/** The folder of published versions of `target`. */
export function versionsFolder(target: string): string {
  return join(dirname(target), `.${basename(target)}.versions`);
}

/** Renames `from` to `to`; across file systems, copies it under a temporary name first. */
async function moveFolder(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
  }
  // `.partial` until whole, so a copy cut short (full disk, kill) is never taken for a version.
  const partial = `${to}.partial`;
  try {
    await cp(from, partial, { recursive: true });
    await rename(partial, to);
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
  await rm(from, { recursive: true, force: true });
}

/** Points `target` at `version`: a new link, renamed over the old one. */
async function pointTargetAt(target: string, version: string): Promise<void> {
  const link = join(dirname(target), `.${basename(target)}.${process.pid}.link`);
  await rm(link, { force: true });
  // Relative, so the project folder can be moved or mounted elsewhere.
  await symlink(relative(dirname(target), version), link);
  try {
    if ((await lstat(target).catch(() => undefined))?.isDirectory()) await replaceFolderWithLink(target, link);
    else await rename(link, target);
  } catch (error) {
    await rm(link, { force: true });
    throw error;
  }
}

/**
 * A link cannot be renamed over a folder: the folder (a site published before this layout) is
 * moved aside under the older layout's name, which `removePublishLeftovers` puts back if a kill
 * comes between the two renames.
 */
async function replaceFolderWithLink(target: string, link: string): Promise<void> {
  const outgoing = join(dirname(target), `.${process.pid}.outgoing`);
  await rename(target, outgoing);
  try {
    await rename(link, target);
  } catch (error) {
    await rename(outgoing, target);
    throw error;
  }
  await rm(outgoing, { recursive: true, force: true }).catch(() => undefined);
}

/** Removes every version but the one `target` points at, except those a running process is writing. */
async function removeOldVersions(target: string, trash?: string): Promise<void> {
  const versions = versionsFolder(target);
  const current = await readlink(target).then(basename, () => undefined);
  for (const entry of await readdir(versions).catch(() => [] as string[])) {
    const pid = /^\d+-(\d+)-\d+(?:\.partial)?$/.exec(entry)?.[1];
    if (entry === current || pid === undefined || !isLeftover(Number(pid))) continue;
    if (trash && (await moveToTrash(join(versions, entry), trash))) continue;
    await rm(join(versions, entry), { recursive: true, force: true });
  }
}

/** Moves a folder into `trash`; false when it cannot be renamed there (another file system). */
async function moveToTrash(folder: string, trash: string): Promise<boolean> {
  try {
    await mkdir(trash, { recursive: true });
    await rename(folder, join(trash, basename(folder)));
    return true;
  } catch {
    return false;
  }
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}
