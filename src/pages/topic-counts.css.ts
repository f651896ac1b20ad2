import { getShelf } from '../lib/shelf.ts';

/**
 * The sidebar's paper counts, as one small stylesheet shared by every page.
 *
 * The counts change whenever papers are added, while the pages that show them mostly do not;
 * keeping the numbers here lets an incremental build restore those pages instead of re-rendering
 * every page of the site for one new day of papers. The `/ "..."` part is the text assistive
 * technology reads.
 */
export async function GET() {
  const { topics } = await getShelf();
  const rules = topics
    .filter((topic) => topic.count > 0)
    .map((topic) => {
      const label = `${topic.count} ${topic.count === 1 ? 'paper' : 'papers'}`;
      return `.count[data-topic="${topic.id}"]::before{content:"${topic.count}" / "${label}"}`;
    });
  return new Response(`${rules.join('\n')}\n`, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
}
