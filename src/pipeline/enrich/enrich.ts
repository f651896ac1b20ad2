import { z } from 'astro/zod';
import { createPaperSchema, type Paper } from '../../schema/paper.ts';
import { getTopicIds, type Taxonomy } from '../../schema/taxonomy.ts';
import { classifyTopics } from './classify-topics.ts';
import { extractCodeLinks } from './extract-code-links.ts';
import { extractMethod } from './extract-method.ts';
import { extractTags } from './extract-tags.ts';
import { findRelated } from './find-related.ts';
import { ListingError, type RawPaper } from '../parse.ts';
import { assignSlugs } from './slug.ts';
import { summarize } from './summarize.ts';

/** Fewest tags a paper should have; fewer is worth a warning, not a failure. */
const minTags = 3;

export interface EnrichResult {
  /** Papers in listing order, validated by the frontmatter schema. */
  papers: Paper[];
  /** Things a site owner may want to look at, each `file:line: message`. */
  warnings: string[];
}

/**
 * Derives everything a page needs from the raw listing: slug, position, topics, tags, code links,
 * method, summary and related papers, then validates each paper with the frontmatter schema.
 *
 * @param raw
 *   Papers in listing order.
 * @param taxonomy
 *   Topic and tag vocabulary.
 * @returns
 *   Validated papers and warnings.
 */
export function enrichPapers(raw: readonly RawPaper[], taxonomy: Taxonomy): EnrichResult {
  const schema = createPaperSchema(getTopicIds(taxonomy));
  const slugs = assignSlugs(raw.map((paper) => paper.title));
  const tags = extractTags(raw, taxonomy);
  const related = findRelated(raw);
  const warnings: string[] = [];
  const papers = raw.map((paper, index) => {
    const method = extractMethod(paper);
    const candidate = {
      title: paper.title,
      slug: slugs[index],
      listed: paper.listed,
      ...(paper.date ? { date: paper.date } : {}),
      position: index + 1,
      topics: classifyTopics(paper, taxonomy),
      tags: tags[index] ?? [],
      summary: summarize(paper.abstract),
      abstract: paper.abstract,
      code: extractCodeLinks(paper.abstract),
      related: (related[index] ?? []).map((other) => slugs[other]),
      ...(method ? { method } : {}),
      source: paper.source,
    };
    const result = schema.safeParse(candidate);
    if (!result.success) {
      throw new ListingError(paper.source, `the paper ${JSON.stringify(paper.title)} does not fit the page schema\n${z.prettifyError(result.error)}`);
    }
    if (result.data.tags.length < minTags) {
      warnings.push(`${paper.source.file}:${paper.source.line}: only ${result.data.tags.length} tag(s) for ${JSON.stringify(paper.title)}`);
    }
    return result.data;
  });
  return { papers, warnings };
}
