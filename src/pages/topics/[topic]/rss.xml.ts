import type { APIContext } from 'astro';
import { createPaperFeed } from '../../../lib/feed.ts';
import { getShelf, type TopicSummary } from '../../../lib/shelf.ts';

export async function getStaticPaths() {
  const { topics } = await getShelf();
  return topics.filter((topic) => topic.count > 0).map((topic) => ({ params: { topic: topic.id }, props: { topic } }));
}

export async function GET(context: APIContext) {
  const { topic } = context.props as { topic: TopicSummary };
  const { byTopic } = await getShelf();
  return createPaperFeed(context, {
    title: `papershelf: ${topic.name}`,
    description: topic.description,
    papers: byTopic.get(topic.id) ?? [],
  });
}
