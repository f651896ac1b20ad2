import { cp, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Replaces `target` with the finished folder `staged`, so readers of `target` see the old site or
 * the new one, never a mix: the old folder is moved aside, the new one renamed into place, then
 * the old one removed. Across file systems, where rename cannot work, the new folder is copied
 * beside the target first, so the swap itself is still two renames.
 *
 * @param staged
 *   Complete new folder (consumed).
 * @param target
 *   Folder to replace (may be missing).
 */
export async function publishDirectory(staged: string, target: string): Promise<void> {
  const incoming = join(dirname(target), `.${process.pid}.incoming`);
  const outgoing = join(dirname(target), `.${process.pid}.outgoing`);
  try {
    await rename(staged, incoming);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(staged, incoming, { recursive: true });
    await rm(staged, { recursive: true, force: true });
  }
  await rename(target, outgoing).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await rename(incoming, target);
  await rm(outgoing, { recursive: true, force: true });
}
