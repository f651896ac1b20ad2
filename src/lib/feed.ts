import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import type { PaperEntry } from './shelf.ts';
import { feedSize } from './site.ts';
import { paperPath, toAbsoluteUrl } from './url.ts';

/**
 * An RSS 2.0 feed of the `feedSize` papers first listed most recently, newest first, each with
 * its full abstract (as text, so no HTML from the listing reaches a feed reader) and the date it
 * was first listed.
 *
 * @param options
 *   `papers` in archive order (by first listing).
 */
export function createPaperFeed(
  context: APIContext,
  options: { title: string; description: string; papers: readonly PaperEntry[] },
): Promise<Response> {
  return rss({
    title: options.title,
    description: options.description,
    site: toAbsoluteUrl(import.meta.env.BASE_URL, context.site),
    items: options.papers.slice(-feedSize).reverse().map(({ data: paper }) => ({
      title: paper.title,
      link: toAbsoluteUrl(paperPath(paper.slug), context.site),
      description: paper.abstract,
      categories: paper.tags,
      ...(paper.date ? { pubDate: new Date(`${paper.date}T00:00:00Z`) } : {}),
    })),
  });
}
