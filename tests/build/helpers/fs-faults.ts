/**
 * Preloaded into a build (`NODE_OPTIONS=--import <this file>`) to make its file system misbehave
 * at one chosen point, the rest of the build running for real. By destination path of a write,
 * copy, rename or new folder, each a regular expression in the environment:
 *
 * - `PAPERSHELF_TEST_FULL_DISK`: fails with ENOSPC, after writing what a real full disk lets through;
 * - `PAPERSHELF_TEST_CROSS_DEVICE`: a rename fails with EXDEV, as between two file systems;
 * - `PAPERSHELF_TEST_PAUSE`: the process stops there for good (writing its pid to
 *   `PAPERSHELF_TEST_PAUSED_FILE` first), so a test can kill it at exactly that point.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const { PAPERSHELF_TEST_FULL_DISK: full, PAPERSHELF_TEST_CROSS_DEVICE: across, PAPERSHELF_TEST_PAUSE: pause, PAPERSHELF_TEST_PAUSED_FILE: pausedFile } = process.env;
// `(?!)` matches nothing.
const fullDisk = new RegExp(full || '(?!)');
const crossDevice = new RegExp(across || '(?!)');
const pausePoint = new RegExp(pause || '(?!)');

function systemError(code: string, errno: number, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}`), { code, errno });
}

/** Never returns; the process stays alive until it is killed. */
function pauseHere(): Promise<never> {
  fs.writeFileSync(pausedFile ?? '/dev/null', String(process.pid));
  setInterval(() => {}, 1 << 30);
  return new Promise(() => {});
}

if (full || across || pause) {
  const promises = fs.promises;
  const { writeFile, rename, cp, copyFile, mkdir } = promises;
  const path = (value: unknown) => (value instanceof URL ? value.pathname : String(value));
  promises.writeFile = async (...args: Parameters<typeof writeFile>) => {
    if (pausePoint.test(path(args[0]))) return pauseHere();
    if (!fullDisk.test(path(args[0]))) return writeFile(...args);
    await writeFile(args[0], String(args[1]).slice(0, 10));
    throw systemError('ENOSPC', -28, 'no space left on device, write');
  };
  promises.rename = async (...args: Parameters<typeof rename>) => {
    if (pausePoint.test(path(args[1]))) return pauseHere();
    if (fullDisk.test(path(args[1]))) throw systemError('ENOSPC', -28, 'no space left on device, rename');
    if (crossDevice.test(path(args[1]))) throw systemError('EXDEV', -18, 'cross-device link not permitted, rename');
    return rename(...args);
  };
  promises.cp = async (...args: Parameters<typeof cp>) => {
    if (pausePoint.test(path(args[1]))) return pauseHere();
    if (!fullDisk.test(path(args[1]))) return cp(...args);
    // The disk fills up at the end of the copy: all of it is there to be cleaned up.
    await cp(...args);
    throw systemError('ENOSPC', -28, 'no space left on device, copyfile');
  };
  promises.copyFile = async (...args: Parameters<typeof copyFile>) => {
    if (pausePoint.test(path(args[1]))) return pauseHere();
    if (fullDisk.test(path(args[1]))) throw systemError('ENOSPC', -28, 'no space left on device, copyfile');
    return copyFile(...args);
  };
  promises.mkdir = (async (...args: Parameters<typeof mkdir>) => {
    if (pausePoint.test(path(args[0]))) return pauseHere();
    if (fullDisk.test(path(args[0]))) throw systemError('ENOSPC', -28, 'no space left on device, mkdir');
    return mkdir(...args);
  }) as typeof mkdir;
  // `import { rename } from 'node:fs/promises'` binds to these now.
  syncBuiltinESMExports();
}
