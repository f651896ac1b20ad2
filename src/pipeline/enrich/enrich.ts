import { z } from 'astro/zod';
import { createPaperSchema, type Paper, type RawPaper } from '../../schema/paper.ts';
import type { SlugRegistry } from '../../schema/slug-registry.ts';
import { getTopicIds, type Taxonomy } from '../../schema/taxonomy.ts';
import { classifyTopics } from './classify-topics.ts';
import { extractCodeLinks } from './extract-code-links.ts';
import { extractMethod } from './extract-method.ts';
import { rankTags } from './extract-tags.ts';
import { nameTags } from './tag-names.ts';
import { buildVocabulary } from './tag-vocabulary.ts';
import { findRelated } from './find-related.ts';
import { ListingError } from '../parse.ts';
import { assignSlugs } from './assign-slugs.ts';
import { summarize } from './summarize.ts';


/** The `tagNames` frontmatter of a paper with these tags: the names that differ from the ids, if any. */
function namesOf(tags: readonly string[], names: ReadonlyMap<string, string>): { tagNames?: Record<string, string> } {
  const own = tags.flatMap((tag) => {
    const name = names.get(tag);
    return name === undefined ? [] : [[tag, name] as const];
  });
  return own.length > 0 ? { tagNames: Object.fromEntries(own) } : {};
}

export interface EnrichResult {
  /** Papers in archive order, validated by the frontmatter schema. */
  papers: Paper[];
  /** The slug registry with the new papers added. */
  registry: SlugRegistry;
}

/** The fields of a paper the search index is made of (`src/integrations/search-record.ts`); `dist/papers.json` holds them for every paper. */
export type SearchFields = Pick<Paper, 'slug' | 'title' | 'abstract' | 'summary' | 'listed' | 'position' | 'topics' | 'tags' | 'method'>;

/** The first half of enrichment (`tagPapers`). */
export interface TaggedPapers {
  raw: readonly RawPaper[];
  taxonomy: Taxonomy;
  /** The slug registry with the new papers added. */
  registry: SlugRegistry;
  /** Number of each paper's first day, never decreasing. */
  days: number[];
  /** Each paper's slug, position, topics, tags, method and summary: all the search index needs. */
  fields: SearchFields[];
}

/**
 * Derives everything a page needs from the raw listing: slug, position, topics, tags, code links,
 * method, summary and related papers, then validates each paper with the frontmatter schema:
 * `tagPapers`, then `completePapers`.
 *
 * @param raw
 *   Papers in archive order, one per distinct paper.
 * @param taxonomy
 *   Topic and tag vocabulary.
 * @param registry
 *   Permanent slugs of the papers published so far.
 * @param published
 *   Slug of each paper as the previous run published it (see `assignSlugs`).
 * @returns
 *   Validated papers and the updated registry.
 */
export function enrichPapers(raw: readonly RawPaper[], taxonomy: Taxonomy, registry: SlugRegistry, published?: ReadonlyMap<string, string>): EnrichResult {
  return completePapers(tagPapers(raw, taxonomy, registry, published));
}

/**
 * The first half of enrichment: slugs, methods, topics and tags, which is all the search index
 * needs (`fields`), so a caller can start indexing before `completePapers` does the rest.
 */
export function tagPapers(raw: readonly RawPaper[], taxonomy: Taxonomy, registry: SlugRegistry, published?: ReadonlyMap<string, string>): TaggedPapers {
  const { slugs, registry: updated } = assignSlugs(raw.map((paper) => paper.title), registry, published);
  // Papers come by first listing; each is tagged and related only by what was listed up to its
  // own first day, so a new day leaves the pages of earlier papers as they were.
  const dayNumbers = new Map<string, number>();
  const days = raw.map((paper) => {
    const day = paper.listings[0]?.day ?? '';
    if (!dayNumbers.has(day)) dayNumbers.set(day, dayNumbers.size);
    return dayNumbers.get(day) ?? 0;
  });
  // Each derived value once per paper: tagging needs the method too.
  const methods = raw.map((paper) => extractMethod(paper));
  const tags = rankTags(raw, taxonomy, methods, days);
  const fields = raw.map((paper, index): SearchFields => {
    const method = methods[index];
    return {
      slug: slugs[index] ?? '',
      title: paper.title,
      abstract: paper.abstract,
      summary: summarize(paper.abstract),
      listed: paper.listed,
      position: index + 1,
      topics: classifyTopics(paper, taxonomy),
      tags: tags[index] ?? [],
      ...(method ? { method } : {}),
    };
  });
  return { raw, taxonomy, registry: updated, days, fields };
}

/** The second half of enrichment: tag names, related papers and code links; validates every paper. */
export function completePapers({ raw, taxonomy, registry, days, fields }: TaggedPapers): EnrichResult {
  const schema = createPaperSchema(getTopicIds(taxonomy));
  const tags = fields.map((paper) => paper.tags);
  const tagNames = nameTags(raw, tags, buildVocabulary(taxonomy).names);
  const related = findRelated(raw, { topics: fields.map((paper) => paper.topics), tags, days });
  const papers = raw.map((paper, index) => {
    // The schema gives the keys its own order.
    const candidate = {
      ...fields[index],
      ...(paper.date ? { date: paper.date } : {}),
      listings: paper.listings,
      ...namesOf(tags[index] ?? [], tagNames),
      code: extractCodeLinks(paper.abstract),
      related: (related[index] ?? []).map((other) => fields[other]?.slug),
      source: paper.source,
    };
    const result = schema.safeParse(candidate);
    if (!result.success) {
      throw new ListingError(paper.source, `the paper ${JSON.stringify(paper.title)} does not fit the page schema\n${z.prettifyError(result.error)}`);
    }
    return result.data;
  });
  return { papers, registry };
}
