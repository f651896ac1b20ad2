import { getShelf } from '../lib/shelf.ts';

/** Every paper's frontmatter (which holds the exact abstract), in listing order. */
export async function GET() {
  const { papers } = await getShelf();
  return new Response(JSON.stringify({ papers: papers.map((paper) => paper.data) }, null, 1), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
