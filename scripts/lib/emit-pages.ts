import { defaultThreadsFrom, poolFor } from '../../src/node/worker-pool.ts';
import { emitPage, pageName } from '../../src/pipeline/generate-pages.ts';
import type { Paper } from '../../src/schema/paper.ts';

/**
 * Emits the page of every paper not `held`, on worker threads when there are many: the same
 * pages as `generatePages`, in archive order, whatever thread emitted them.
 *
 * @param held
 *   Whether the caller already holds a paper's page exactly as it would be emitted (the last run
 *   emitted it from equal data, see `heldPages`): it is not emitted again, which is most of a
 *   rebuild's work after one more day. Default: none.
 * @param threads
 *   From how many pages to use threads (default 500), and how many (default: one per core; fewer
 *   when another process needs a core meanwhile).
 *
 * @returns
 *   File name to page text, and the names of the held pages.
 */
export async function emitPages(
  papers: readonly Paper[],
  held: (paper: Paper) => boolean = () => false,
  { from = defaultThreadsFrom, size }: { from?: number; size?: number } = {},
): Promise<{ pages: Map<string, string>; held: string[] }> {
  const emitted = papers.filter((paper) => !held(paper));
  const pool = poolFor(emitted.length, new URL('./emit-worker.ts', import.meta.url), emitPage, from, size);
  try {
    const texts = await Promise.all(emitted.map((paper) => pool.run(paper)));
    return {
      pages: new Map(emitted.map((paper, index) => [pageName(paper), texts[index] ?? ''])),
      held: papers.filter(held).map(pageName),
    };
  } finally {
    await pool.close();
  }
}
