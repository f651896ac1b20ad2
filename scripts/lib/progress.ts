/** Reports the phases of a long run: timed lines on a terminal, plain lines in CI and logs. */
export interface Progress {
  /** Notes a finished step (shown only on a terminal, so CI logs stay short). */
  step(message: string): void;
  /** Prints the closing line, always. */
  done(message: string): void;
}

/**
 * @param phase
 *   Name of the phase, printed before each step (`content`, `pagefind`).
 * @param stream
 *   Where steps go (default: stderr, so stdout stays for results).
 */
export function createProgress(phase: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = performance.now();
  const interactive = stream.isTTY === true && !process.env.CI;
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)}s`;
  return {
    step(message) {
      if (interactive) stream.write(`${phase}: ${message} (${elapsed()})\n`);
    },
    done(message) {
      console.log(`${message} (${elapsed()})`);
    },
  };
}
