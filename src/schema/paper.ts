import { z } from 'astro/zod';

/** Lower-case ASCII words joined by single hyphens: safe as a file name and a URL segment. */
export const kebabCasePattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Most tags per paper: the schema rejects more, and tag extraction stops there. */
export const maxTags = 8;

/**
 * Fewest tags a paper should have. Not enforced by the schema: a paper with fewer honest tags is
 * better than one padded with filler, so tag extraction tops up from weaker candidates only up to
 * this many, and the enrich step warns below it.
 */
export const minTags = 3;

/**
 * Where a paper came from, so every error and every page can point back at its source line.
 */
export const sourceLocationSchema = z.object({
  /** Listing file name, relative to the listing folder (for example `trending-papers.txt`). */
  file: z.string().min(1),
  /** 1-based line of the paper's title in that file. */
  line: z.number().int().positive(),
});

/** Id of a listed day: its ISO date, or, when no year is known, an id from its label (`mar-14`). */
export const dayIdPattern = /^(?:\d{4}-\d{2}-\d{2}|[a-z]{3}-\d{1,2})$/;

/** One day a paper was listed on. */
export const listingSchema = z.object({
  /** `YYYY-MM-DD` when the year is known, else the label's id (`mar-14`). */
  day: z.string().regex(dayIdPattern),
  /** The day's date line as written (`Mar 14`). */
  label: z.string().min(1),
  /** 1-based place of the paper within that day's listing. */
  rank: z.number().int().positive(),
});

/**
 * Builds the frontmatter schema of one generated paper page.
 *
 * It is the single source of truth: the generator validates every page with it before writing,
 * and the Astro content collection validates the same pages with it again at build time.
 *
 * @param topicIds
 *   Topic ids of the taxonomy in force; `topics` may only name these.
 * @returns
 *   Zod schema of the frontmatter.
 */
export function createPaperSchema(topicIds: readonly [string, ...string[]]) {
  return z.object({
    /** The title exactly as the listing spells it. */
    title: z.string().min(1),
    /** URL segment and file name of the page (`/papers/<slug>/`), unique in the listing. */
    slug: z.string().regex(kebabCasePattern).max(90),
    /** Label of the day the paper was first listed, as written (`Mar 14`). */
    listed: z.string().min(1),
    /** ISO date of that day, when its year is known (`2024-03-14`). */
    date: z.iso.date().optional(),
    /** 1-based position of the paper in the archive, ordered by first listing (day, then rank). */
    position: z.number().int().positive(),
    /** Every day the paper was listed, oldest first. */
    listings: z.array(listingSchema).min(1),
    /** Between one and three topic ids from the taxonomy, the main topic first. */
    topics: z.array(z.enum(topicIds)).min(1).max(3),
    /** Up to `maxTags` kebab-case tags, most specific first. */
    tags: z.array(z.string().regex(kebabCasePattern)).max(maxTags),
    /**
     * Display names of those of its tags that are not shown as their id (`{ rlhf: "RLHF",
     * "gpt-4": "GPT-4" }`); one tag has one name on every page. Omitted when there are none.
     */
    tagNames: z.record(z.string().regex(kebabCasePattern), z.string().min(1)).optional(),
    /** First sentence of the abstract, for cards and meta descriptions. */
    summary: z.string(),
    /** The abstract exactly as the listing spells it (the page body may tidy TeX residue). */
    abstract: z.string().min(1),
    /** Code-repository URLs found in the abstract. */
    code: z.array(z.url()).default([]),
    /** Slugs of the (up to five) most similar papers, most similar first. */
    related: z.array(z.string().regex(kebabCasePattern)).max(5).default([]),
    /** Name of the method the paper introduces, when it clearly names one. */
    method: z.string().min(1).optional(),
    /** Source file and line of the paper's title. */
    source: sourceLocationSchema,
  });
}

export type PaperSchema = ReturnType<typeof createPaperSchema>;
/** A paper as the generator writes it into frontmatter (defaults may be omitted). */
export type PaperInput = z.input<PaperSchema>;
/** A paper as read back, with defaults filled in. */
export type Paper = z.output<PaperSchema>;
export type SourceLocation = z.output<typeof sourceLocationSchema>;
export type Listing = z.output<typeof listingSchema>;
/** A paper as the listings give it, merged across days, before enrichment. */
export type RawPaper = Pick<PaperInput, 'title' | 'abstract' | 'listed' | 'date' | 'source'> & { listings: Listing[] };
