import type { Paper } from '../schema/paper.ts';
import type { Taxonomy } from '../schema/taxonomy.ts';
import { paperToMdast, serializeMdx } from './emit/emit-mdx.ts';
import { enrichPapers } from './enrich/enrich.ts';
import { parseListings, type ListingFile } from './parse.ts';

export interface GenerateOptions {
  /** Topic and tag vocabulary. */
  taxonomy: Taxonomy;
  /** Page-chrome lines to skip before the first date line (default: Hugging Face Papers'). */
  boilerplate?: readonly string[];
}

export interface GeneratedPages {
  /** Papers in listing order, validated by the frontmatter schema. */
  papers: Paper[];
  /** File name (`<slug>.mdx`) to page text, in listing order. */
  pages: Map<string, string>;
  /** Things a site owner may want to look at, each `file:line: message`. */
  warnings: string[];
}

/**
 * The whole content pipeline, pure: listings in, pages out.
 *
 *   parse (text -> raw papers) -> enrich (slugs, topics, tags, links, related) -> emit (MDX)
 *
 * The command line, the bench and the tests all call this; reading and writing files is theirs.
 *
 * @param listings
 *   Listing files in reading order.
 * @param options
 *   Vocabulary and page chrome.
 * @returns
 *   Papers, their pages and warnings.
 * @throws
 *   `ListingError` (with `file:line`) for input the pipeline refuses.
 */
export function generatePages(listings: readonly ListingFile[], options: GenerateOptions): GeneratedPages {
  const raw = parseListings(listings, options.boilerplate ? { boilerplate: options.boilerplate } : {});
  const { papers, warnings } = enrichPapers(raw, options.taxonomy);
  const pages = new Map(papers.map((paper) => [`${paper.slug}.mdx`, serializeMdx(paperToMdast(paper))]));
  return { papers, pages, warnings };
}
