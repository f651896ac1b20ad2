import { resolve } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { loadTaxonomy, type Topic } from '../schema/taxonomy.ts';
import { cacheKeyOf } from './cache-key.ts';
import { groupByDay, type ListedDay } from './days.ts';
import { groupByValue, rankByCount } from './grouping.ts';

export type PaperEntry = CollectionEntry<'papers'>;
export type PaperData = PaperEntry['data'];

/** A taxonomy topic with the number of papers filed under it. */
export type TopicSummary = Pick<Topic, 'id' | 'name' | 'description'> & { count: number };

/** A tag in use, with its display name (`RLHF`; the id when it has none) and number of papers. */
export interface TagSummary {
  key: string;
  name: string;
  count: number;
}

/** Everything the pages need, computed once per build. */
export interface Shelf {
  /** Every paper in listing order. */
  papers: PaperEntry[];
  bySlug: Map<string, PaperEntry>;
  /** Index of each slug in `papers`. */
  order: Map<string, number>;
  byTopic: Map<string, PaperEntry[]>;
  byTag: Map<string, PaperEntry[]>;
  /** Every topic of the taxonomy, in taxonomy order, including empty ones. */
  topics: TopicSummary[];
  /** Tags in use, most frequent first, each with its display name. */
  tags: TagSummary[];
  /**
   * Tag id -> display name, for the tags not shown as their id (`rlhf` -> `RLHF`), gathered from
   * the papers' `tagNames`: the generator names each tag the same on every page. See `tagName`.
   */
  tagNames: Map<string, string>;
  /** Every listed day, oldest first, each with its papers in rank order. */
  days: ListedDay<PaperEntry>[];
  /** Index of each day id in `days`. */
  dayOrder: Map<string, number>;
  /** Digest of what every page's chrome shows (the topic sidebar); part of every page's cache key. */
  chromeKey: string;
}

/**
 * Pages run from bundled chunks, where `loadTaxonomy`'s default (found from its own module URL)
 * points into the build folder; Astro runs from the project root, so resolve from there.
 */
const taxonomyPath = resolve('content/taxonomy.yaml');

let shelf: Promise<Shelf> | undefined;

/**
 * The papers and their groupings. Memoised: every page of a build shares one copy, so the
 * sidebar on 10,000 pages costs one grouping pass, not 10,000.
 */
export function getShelf(): Promise<Shelf> {
  shelf ??= loadShelf();
  return shelf;
}

async function loadShelf(): Promise<Shelf> {
  const papers = (await getCollection('papers')).sort((a, b) => a.data.position - b.data.position);
  const bySlug = new Map(papers.map((paper) => [paper.data.slug, paper]));
  const order = new Map(papers.map((paper, index) => [paper.data.slug, index]));
  for (const paper of papers) {
    // A dangling `related` slug would publish a broken link; fail the build naming the page.
    const missing = paper.data.related.filter((slug) => !bySlug.has(slug));
    if (missing.length > 0) {
      throw new Error(`${paper.filePath ?? paper.id}: related paper(s) not found: ${missing.join(', ')}`);
    }
  }
  const byTopic = groupByValue(papers, (paper) => paper.data.topics);
  const byTag = groupByValue(papers, (paper) => paper.data.tags);
  const tagNames = new Map<string, string>();
  for (const paper of papers) {
    for (const [tag, name] of Object.entries(paper.data.tagNames ?? {})) if (!tagNames.has(tag)) tagNames.set(tag, name);
  }
  const tags = rankByCount(byTag).map(({ key, count }) => ({ key, name: tagNames.get(key) ?? key, count }));
  const topics = loadTaxonomy(taxonomyPath).topics.map(({ id, name, description }) => ({
    id,
    name,
    description,
    count: byTopic.get(id)?.length ?? 0,
  }));
  const days = groupByDay(papers, (paper) => paper.data);
  const dayOrder = new Map(days.map((day, index) => [day.id, index]));
  return { papers, bySlug, order, byTopic, byTag, topics, tags, tagNames, days, dayOrder, chromeKey: cacheKeyOf(topics.filter((topic) => topic.count > 0).map(({ id, name }) => [id, name])) };
}

/**
 * What a paper's card in a list shows (`PaperCard` in a `SectionedList`): a list page's cache key
 * is made of these, so a paper's other changes (its abstract, a new listing day, related papers)
 * leave the list pages it is on alone.
 */
export function cardOf(paper: PaperData): unknown[] {
  return [paper.slug, paper.title, paper.summary, paper.topics, paper.code[0] ?? null, paper.listed, paper.date ?? null, paper.position];
}

/** How a tag is shown: its display name (`RLHF`, `GPT-4`), or its id when it has none. */
export function tagName(shelf: Shelf, id: string): string {
  return shelf.tagNames.get(id) ?? id;
}

/** The taxonomy entry of a topic id the schema has already validated. */
export function findTopic(shelf: Shelf, id: string): TopicSummary {
  const topic = shelf.topics.find((candidate) => candidate.id === id);
  if (!topic) throw new Error(`unknown topic "${id}"`);
  return topic;
}

/** The papers just before and after `slug` in listing order. */
export function findNeighbours(shelf: Shelf, slug: string): { previous?: PaperData; next?: PaperData } {
  const index = shelf.order.get(slug);
  if (index === undefined) throw new Error(`unknown paper "${slug}"`);
  return { previous: shelf.papers[index - 1]?.data, next: shelf.papers[index + 1]?.data };
}

/** The days just before and after day `id`. */
export function findDayNeighbours(shelf: Shelf, id: string): { previous?: ListedDay<PaperEntry>; next?: ListedDay<PaperEntry> } {
  const index = shelf.dayOrder.get(id);
  if (index === undefined) throw new Error(`unknown day "${id}"`);
  return { previous: shelf.days[index - 1], next: shelf.days[index + 1] };
}

/** The entries of `slugs`, which `loadShelf` has checked all exist. */
export function findPapers(shelf: Shelf, slugs: readonly string[]): PaperData[] {
  return slugs.flatMap((slug) => shelf.bySlug.get(slug)?.data ?? []);
}
