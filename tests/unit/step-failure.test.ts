import { describe, expect, test } from 'vitest';
import { describeError, step, StepFailure } from '../../scripts/lib/step-failure.ts';

// A failed step is one line saying what was being done and why, in words, without a stack trace.

function systemError(code: string, errno: number, path?: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: raw message`), { code, errno, ...(path ? { path } : {}) });
}

describe('describeError', () => {
  test.each([
    ['a full disk, without the path', systemError('ENOSPC', -28, '/site/.dist.versions/1/index.html'), 'no space left on device (ENOSPC)'],
    ['a refused path, with the path', systemError('EACCES', -13, '/srv/site'), 'permission denied (EACCES: /srv/site)'],
    ['a system error without a path', systemError('ENOENT', -2), 'no such file or directory (ENOENT)'],
    ['another error, by its message', new Error('plain words'), 'plain words'],
    ['a thrown string', 'a string', 'a string'],
  ])('%s', (_label, error, words) => {
    expect(describeError(error)).toBe(words);
  });
});

describe('step', () => {
  test('names the step that failed', async () => {
    const failure = await step('copying the site into place', () => Promise.reject(systemError('ENOSPC', -28))).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StepFailure);
    expect((failure as StepFailure).message).toBe('copying the site into place failed: no space left on device (ENOSPC)');
  });

  test('keeps the innermost step of nested ones', async () => {
    const inner = () => step('writing pages', () => Promise.reject(systemError('EROFS', -30, '/x')));
    const failure = await step('the content step', inner).catch((error: unknown) => error);
    expect((failure as StepFailure).message).toBe('writing pages failed: read-only file system (EROFS)');
  });

  test('passes the result through', async () => {
    expect(await step('adding', async () => 1 + 1)).toBe(2);
  });
});
