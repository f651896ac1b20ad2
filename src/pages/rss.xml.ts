import type { APIContext } from 'astro';
import { createPaperFeed } from '../lib/feed.ts';
import { getShelf } from '../lib/shelf.ts';
import { siteDescription, siteTitle } from '../lib/site.ts';

export async function GET(context: APIContext) {
  const { papers } = await getShelf();
  return createPaperFeed(context, { title: siteTitle, description: siteDescription, papers });
}
