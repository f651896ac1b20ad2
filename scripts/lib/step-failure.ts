import { getSystemErrorMap } from 'node:util';

/** An error with what the run was doing when it happened, so it can be reported in one line. */
export class StepFailure extends Error {
  /** The step, as a gerund phrase. */
  readonly what: string;

  /**
   * @param what
   *   The step, as a gerund phrase (`copying the site into place`).
   * @param reason
   *   What went wrong.
   */
  constructor(what: string, reason: unknown) {
    super(`${what} failed: ${describeError(reason)}`, { cause: reason });
    this.name = 'StepFailure';
    this.what = what;
  }
}

/**
 * Runs one step of a script; whatever it throws comes back as a `StepFailure` naming the step.
 *
 * @param what
 *   The step, as a gerund phrase.
 * @param action
 *   The step itself.
 */
export async function step<T>(what: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw error instanceof StepFailure ? error : new StepFailure(what, error);
  }
}

// Errors about the whole file system: the path would only be noise.
const fileSystemWide = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EIO', 'EMFILE', 'ENFILE']);

/**
 * An error in words: `no space left on device (ENOSPC)` for a system error (with the path, when
 * the path is the point: `permission denied (EACCES: /srv/site)`), the message otherwise.
 */
export function describeError(error: unknown): string {
  const { code, errno, path } = (error ?? {}) as NodeJS.ErrnoException;
  const words = typeof errno === 'number' ? getSystemErrorMap().get(errno)?.[1] : undefined;
  if (code && words) return path && !fileSystemWide.has(code) ? `${words} (${code}: ${path})` : `${words} (${code})`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reports a failed run as one line on stderr, `<phase>: <message>` (no stack trace: the message
 * says what to fix), and sets the exit status to 1.
 *
 * @param phase
 *   The script's name in its output lines (`build`, `content`).
 */
export function reportFailure(phase: string, error: unknown): void {
  console.error(`${phase}: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
