import type { Paper, RawPaper } from '../schema/paper.ts';
import type { SlugRegistry } from '../schema/slug-registry.ts';
import type { Taxonomy } from '../schema/taxonomy.ts';
import { paperToMdast, serializeMdx } from './emit/emit-mdx.ts';
import { completePapers, tagPapers, type TaggedPapers } from './enrich/enrich.ts';
import { mergeListings } from './merge-listings.ts';
import { parseListings, type ListingFile } from './parse.ts';
import { resolveDays } from './resolve-days.ts';

export interface ReadOptions {
  /** Page-chrome lines to skip before the first date line (default: Hugging Face Papers'). */
  boilerplate?: readonly string[];
  /** Year of days whose date line and file name give none. */
  year?: number;
}

export interface GenerateOptions extends ReadOptions {
  /** Topic and tag vocabulary. */
  taxonomy: Taxonomy;
  /** Permanent slugs of the papers published so far (empty for a new site). */
  registry?: SlugRegistry;
  /** Slug of each paper (by `paperKey`) as the previous run published it. */
  published?: ReadonlyMap<string, string>;
}

export interface GeneratedPages {
  /** Papers in archive order, validated by the frontmatter schema. */
  papers: Paper[];
  /** File name (`<slug>.mdx`) to page text, in archive order. */
  pages: Map<string, string>;
  /** The slug registry to commit: the given one plus every new paper. */
  registry: SlugRegistry;
  /** Things a site owner may want to look at, each `file:line: message`. */
  warnings: string[];
}

/**
 * The whole content pipeline, pure: listings in, pages out.
 *
 *   parse (text -> entries) -> days and identity (one paper, its listings)
 *     -> enrich (slugs, topics, tags, links, related) -> emit (MDX)
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
  const generated = generatePapers(listings, options);
  return { ...generated, pages: new Map(generated.papers.map((paper) => [pageName(paper), emitPage(paper)])) };
}

/**
 * The pipeline up to emitting: listings in, validated papers out, for callers that emit the pages
 * themselves (the command line: only the pages whose data changed, on several threads).
 */
export function generatePapers(listings: readonly ListingFile[], options: GenerateOptions): Omit<GeneratedPages, 'pages'> {
  return completeListings(tagListings(listings, options));
}

/** Listings read and tagged: all the search index needs (`papers.fields`). */
export interface TaggedListings {
  papers: TaggedPapers;
  warnings: string[];
}

/**
 * The first half of `generatePapers`, up to tagging (`tagPapers`), for a caller that starts the
 * search index before the second half (`completeListings`) runs: together, the same papers.
 */
export function tagListings(listings: readonly ListingFile[], options: GenerateOptions): TaggedListings {
  const read = readPapers(listings, options);
  return { papers: tagPapers(read.papers, options.taxonomy, options.registry ?? { papers: {}, redirects: {} }, options.published), warnings: read.warnings };
}

/** The second half of `generatePapers`: tag names, related papers, links, validation. */
export function completeListings(tagged: TaggedListings): Omit<GeneratedPages, 'pages'> {
  return { ...completePapers(tagged.papers), warnings: tagged.warnings };
}

/** A paper's page: its MDX text. */
export function emitPage(paper: Paper): string {
  return serializeMdx(paperToMdast(paper));
}

/** The file name of a paper's page. */
export function pageName(paper: Pick<Paper, 'slug'>): string {
  return `${paper.slug}.mdx`;
}

/**
 * The first half of the pipeline: listings to distinct papers, each with the days it was listed.
 *
 * @returns
 *   Papers in archive order and warnings.
 */
export function readPapers(listings: readonly ListingFile[], options: ReadOptions = {}): { papers: RawPaper[]; warnings: string[] } {
  const entries = parseListings(listings, options.boilerplate ? { boilerplate: options.boilerplate } : {});
  const days = resolveDays(entries, options.year === undefined ? {} : { year: options.year });
  const merged = mergeListings(days.entries);
  return { papers: merged.papers, warnings: [...days.warnings, ...merged.warnings] };
}
