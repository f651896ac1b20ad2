import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getShelf } from '../../lib/shelf.ts';
import { feedSize, siteTitle } from '../../lib/site.ts';
import { dayPath, toAbsoluteUrl } from '../../lib/url.ts';

/** One entry per listed day, newest first: the day's new papers by title. */
export async function GET(context: APIContext) {
  const { days } = await getShelf();
  return rss({
    title: `${siteTitle}: days`,
    description: `Each day of the ${siteTitle} listing, with the papers new that day.`,
    site: toAbsoluteUrl(import.meta.env.BASE_URL, context.site),
    items: [...days]
      .reverse()
      .slice(0, feedSize)
      .map((day) => {
        const fresh = day.items.filter((item) => item.dayNumber === 1).map((item) => item.paper.data.title);
        return {
          title: `${day.label}: ${day.items.length} papers, ${day.newCount} new`,
          link: toAbsoluteUrl(dayPath(day.id), context.site),
          description: fresh.length > 0 ? `New: ${fresh.join('; ')}` : 'No new papers.',
          ...(day.date ? { pubDate: new Date(`${day.date}T00:00:00Z`) } : {}),
        };
      }),
  });
}
