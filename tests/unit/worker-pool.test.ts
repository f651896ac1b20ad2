import { describe, expect, it } from 'vitest';
import { createWorkerPool, inlinePool } from '../../src/node/worker-pool.ts';

// The pool behind the content step's and the loader's threads: the same answers as the function
// on this thread, errors as rejections, and a thread that dies fails its runs instead of hanging.

const double = new URL('../fixtures/workers/double-worker.ts', import.meta.url);

describe('createWorkerPool', () => {
  it('answers each input as the function does on this thread, in the order asked', async () => {
    const pool = createWorkerPool<number, number>(double, 2);
    const inline = inlinePool((input: number) => input * 2);
    const inputs = Array.from({ length: 50 }, (_, index) => index);
    try {
      expect(await Promise.all(inputs.map((input) => pool.run(input)))).toEqual(await Promise.all(inputs.map((input) => inline.run(input))));
    } finally {
      await pool.close();
    }
  });

  it('rejects a run whose function throws, with its message, and goes on', async () => {
    const pool = createWorkerPool<number, number>(double, 1);
    try {
      await expect(pool.run(-1)).rejects.toThrow('no negative numbers: -1');
      expect(await pool.run(2)).toBe(4);
    } finally {
      await pool.close();
    }
  });

  it('fails the runs of a thread that cannot start or stops, and every later run', async () => {
    const broken = createWorkerPool<number, number>(new URL('../fixtures/workers/broken-worker.ts', import.meta.url), 1);
    await expect(broken.run(1)).rejects.toThrow('this worker cannot start');
    await expect(broken.run(2)).rejects.toThrow('this worker cannot start');
    await broken.close();
    const stopping = createWorkerPool<number, number>(double, 1);
    await expect(stopping.run(999)).rejects.toThrow(/stopped \(exit code 3\)/);
    await expect(stopping.run(1)).rejects.toThrow(/stopped/);
    await stopping.close();
  });
});
