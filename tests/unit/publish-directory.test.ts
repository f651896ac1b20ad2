import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { publishDirectory, removePublishLeftovers, versionsFolder } from '../../scripts/lib/publish-directory.ts';

// Publishing swaps a link, so the site is whole at every step: a build killed at any point of
// the publish leaves the old site or the new one, never none, and a full disk leaves the old one
// and nothing half-copied. A "kill" is simulated by a file operation that never returns (nothing
// after it runs, not even clean-up code); a full disk by one that fails with ENOSPC.

const faults = vi.hoisted(() => ({
  /** Which counted call fails (1-based; 0: none). */
  at: 0,
  kind: 'hang' as 'hang' | 'enospc',
  /** Pretend the staged folder is on another file system, so it is copied. */
  crossDevice: false,
  calls: 0,
  /** Called when a call hangs. */
  onHang: () => {},
}));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const enospc = (call: string) => Object.assign(new Error(`ENOSPC: no space left on device, ${call}`), { code: 'ENOSPC', errno: -28 });
  /** Counts calls that change the file system; the chosen one hangs or fails. */
  function counted<A extends unknown[], R>(name: string, operation: (...args: A) => Promise<R>, partial?: (...args: A) => Promise<void>) {
    return async (...args: A): Promise<R> => {
      if (faults.at > 0 && ++faults.calls === faults.at) {
        await partial?.(...args);
        if (faults.kind === 'hang') {
          faults.onHang();
          return new Promise<R>(() => {});
        }
        throw enospc(name);
      }
      if (name === 'rename' && faults.crossDevice && basename(String(args[0])) === 'staged') {
        throw Object.assign(new Error('EXDEV: cross-device link not permitted, rename'), { code: 'EXDEV', errno: -18 });
      }
      return operation(...args);
    };
  }
  // A copy cut short leaves part of the tree behind.
  const partialCopy = async (_from: unknown, to: unknown) => {
    await real.mkdir(String(to), { recursive: true });
    await real.writeFile(join(String(to), 'index.html'), 'half');
  };
  return {
    ...real,
    cp: counted('cp', real.cp, partialCopy),
    mkdir: counted('mkdir', real.mkdir),
    rename: counted('rename', real.rename),
    rm: counted('rm', real.rm),
    symlink: counted('symlink', real.symlink),
  };
});

let work: string;
let target: string;
let staged: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'papershelf-publish-'));
  target = join(work, 'dist');
  staged = join(work, 'staged');
  Object.assign(faults, { at: 0, calls: 0, crossDevice: false, onHang: () => {} });
});

afterEach(async () => {
  faults.at = 0;
  await rm(work, { recursive: true, force: true });
});

/** Writes a small site whose every file says `word`, as the staged folder. */
function stage(word: string): void {
  mkdirSync(join(staged, 'papers', 'one'), { recursive: true });
  writeFileSync(join(staged, 'index.html'), word);
  writeFileSync(join(staged, 'papers', 'one', 'index.html'), word);
}

/** What the site at `target` says: one word when it is whole, else a description of the mix. */
function siteWord(): string {
  if (!existsSync(target)) return 'missing';
  const words = new Set(['index.html', 'papers/one/index.html'].map((file) => readFileSync(join(target, file), 'utf8')));
  return words.size === 1 ? [...words][0] ?? '' : `mixed: ${[...words].join(', ')}`;
}

/** Entries beside the target and in its versions folder, minus the staged folder. */
function leftovers(): { beside: string[]; versions: string[] } {
  const beside = readdirSync(work).filter((name) => name !== 'staged').sort();
  const versions = existsSync(versionsFolder(target)) ? readdirSync(versionsFolder(target)).sort() : [];
  return { beside, versions };
}

/** A clean state: the target, its versions folder holding exactly the version it points at. */
function expectClean(): void {
  expect(leftovers()).toEqual({ beside: ['.dist.versions', 'dist'], versions: [basename(readlinkSync(target))] });
}

/** Publishes `word` with the `at`-th counted call faulty; how it ended. */
async function publishWithFault(word: string, at: number, kind: 'hang' | 'enospc'): Promise<'hung' | 'failed' | 'done'> {
  stage(word);
  Object.assign(faults, { at, kind, calls: 0 });
  const hung = new Promise<'hung'>((resolve) => (faults.onHang = () => resolve('hung')));
  const result = await Promise.race([
    publishDirectory(staged, target).then(
      () => 'done' as const,
      (error: NodeJS.ErrnoException) => {
        expect(error.code).toBe('ENOSPC');
        return 'failed' as const;
      },
    ),
    hung,
  ]);
  faults.at = 0;
  return result;
}

describe('publishDirectory', () => {
  test('publishes into a missing target as a link to a complete version, then swaps versions', async () => {
    stage('one');
    await publishDirectory(staged, target);
    expect(lstatSync(target).isSymbolicLink()).toBe(true);
    expect(readlinkSync(target)).toMatch(/^\.dist\.versions\/\d+-\d+-\d+$/);
    expect(siteWord()).toBe('one');
    expect(existsSync(staged)).toBe(false);
    expectClean();
    stage('two');
    await publishDirectory(staged, target);
    expect(siteWord()).toBe('two');
    expectClean();
  });

  test('moves the replaced version into the trash it is given, and removes it when it cannot', async () => {
    const trash = join(work, 'trash');
    stage('one');
    await publishDirectory(staged, target, trash);
    stage('two');
    await publishDirectory(staged, target, trash);
    expect(siteWord()).toBe('two');
    expect(leftovers().versions).toEqual([basename(readlinkSync(target))]);
    const [replaced] = readdirSync(trash);
    expect(readFileSync(join(trash, replaced ?? '', 'index.html'), 'utf8')).toBe('one');
    // A trash that cannot take it (here: a file in its way): the version is removed as usual.
    await rm(trash, { recursive: true, force: true });
    writeFileSync(trash, '');
    stage('three');
    await publishDirectory(staged, target, trash);
    expect(siteWord()).toBe('three');
    expect(leftovers().versions).toEqual([basename(readlinkSync(target))]);
    await rm(trash, { force: true });
  });

  test('replaces a real folder left by an older build', async () => {
    stage('old');
    const { rename } = await import('node:fs/promises');
    await rename(staged, target);
    stage('new');
    await publishDirectory(staged, target);
    expect(siteWord()).toBe('new');
    expectClean();
  });

  test.each([false, true])('killed at any step (copying across file systems: %s), the site is the old one or the new one, and the next start cleans up', async (crossDevice) => {
    stage('old');
    await publishDirectory(staged, target);
    const outcomes: string[] = [];
    for (let at = 1; ; at++) {
      faults.crossDevice = crossDevice;
      const result = await publishWithFault(`new${at}`, at, 'hang');
      if (result === 'done') break;
      const word = siteWord();
      outcomes.push(word === 'old' ? 'old' : word === `new${at}` ? 'new' : word);
      await removePublishLeftovers(target);
      await rm(staged, { recursive: true, force: true });
      expect(siteWord()).toBe(word);
      expectClean();
      // The next build publishes as usual.
      stage('old');
      await publishDirectory(staged, target);
      expectClean();
    }
    // Every step was tried: before the swap the old site, after it the new one; never a gap.
    expect(outcomes.length).toBeGreaterThan(3);
    expect(outcomes).toEqual([...outcomes.filter((word) => word === 'old'), ...outcomes.filter((word) => word === 'new')]);
    expect(outcomes).toContain('new');
  });

  test.each([false, true])('with a full disk at any step (copying across file systems: %s), the old site stays and nothing half-made is left', async (crossDevice) => {
    stage('old');
    await publishDirectory(staged, target);
    const results: string[] = [];
    for (let at = 1; ; at++) {
      faults.crossDevice = crossDevice;
      const result = await publishWithFault(`new${at}`, at, 'enospc');
      results.push(result);
      if (result === 'done' && faults.calls < at) break;
      if (result === 'failed') {
        expect(siteWord()).toBe('old');
        // No clean-up run needed: the failed publish removed what it made.
        expectClean();
      } else {
        // Only removing the previous version failed, after the swap: it goes at the next start.
        expect(siteWord()).toBe(`new${at}`);
        await removePublishLeftovers(target);
        expectClean();
        stage('old');
        await publishDirectory(staged, target);
      }
      await rm(staged, { recursive: true, force: true });
    }
    expect(results).toContain('failed');
  });

  test('a kill in the one-time move from a real folder is repaired at the next start', async () => {
    stage('old');
    const { rename } = await import('node:fs/promises');
    await rename(staged, target);
    // Counted calls: mkdir, rename (staged -> version), rm (old link), symlink, rename (target aside), rename (link -> target).
    const result = await publishWithFault('new', 6, 'hang');
    expect(result).toBe('hung');
    expect(siteWord()).toBe('missing');
    await removePublishLeftovers(target);
    expect(siteWord()).toBe('old');
  });
});

describe('removePublishLeftovers', () => {
  // Above Linux's largest pid (2^22), so never a running process.
  const deadPid = 2 ** 22 + 1;

  test('puts back the site a killed publish of the older layout moved aside, and removes the rest', async () => {
    for (const [name, word] of [
      [`.${deadPid}.outgoing`, 'old'],
      [`.${deadPid}.incoming`, 'new'],
    ] as const) {
      mkdirSync(join(work, name, 'papers', 'one'), { recursive: true });
      writeFileSync(join(work, name, 'index.html'), word);
      writeFileSync(join(work, name, 'papers', 'one', 'index.html'), word);
    }
    await removePublishLeftovers(target);
    expect(siteWord()).toBe('old');
    expect(readdirSync(work)).toEqual(['dist']);
  });

  test('removes what killed processes left, and leaves what a running process is writing', async () => {
    stage('site');
    await publishDirectory(staged, target);
    const running = process.ppid;
    const versions = versionsFolder(target);
    for (const name of [`.${deadPid}.incoming`, `.${running}.incoming`]) mkdirSync(join(work, name));
    for (const name of [`1-${deadPid}-1`, `2-${deadPid}-1.partial`, `3-${running}-1.partial`]) mkdirSync(join(versions, name));
    writeFileSync(join(work, `.dist.${deadPid}.link`), '');
    await removePublishLeftovers(target);
    expect(siteWord()).toBe('site');
    expect(leftovers()).toEqual({
      beside: [`.${running}.incoming`, '.dist.versions', 'dist'],
      versions: [`3-${running}-1.partial`, basename(readlinkSync(target))].sort(),
    });
  });
});
