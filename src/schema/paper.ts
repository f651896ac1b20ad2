import { z } from 'astro/zod';

/** Lower-case ASCII words joined by single hyphens: safe as a file name and a URL segment. */
export const kebabCasePattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Where a paper came from, so every error and every page can point back at its source line.
 */
export const sourceLocationSchema = z.object({
  /** Listing file name, relative to the listing folder (for example `trending-papers.txt`). */
  file: z.string().min(1),
  /** 1-based line of the paper's title in that file. */
  line: z.number().int().positive(),
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
    /** Label of the listing section the paper appeared under, as written (`Mar 14`). */
    listed: z.string().min(1),
    /** ISO date of that section when the label carries a year (`2024-03-14`). */
    date: z.iso.date().optional(),
    /** 1-based position of the paper in the whole listing. */
    position: z.number().int().positive(),
    /** Between one and three topic ids from the taxonomy, the main topic first. */
    topics: z.array(z.enum(topicIds)).min(1).max(3),
    /** Up to eight kebab-case tags, most specific first. */
    tags: z.array(z.string().regex(kebabCasePattern)).max(8),
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
