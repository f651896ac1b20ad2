import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { createPaperSchema } from './schema/paper.ts';
import { getTopicIds, loadTaxonomy } from './schema/taxonomy.ts';

/** Generated pages; tests and the bench point this at their own folder. */
const papersDir = process.env.PAPERSHELF_PAPERS_DIR || './content/papers';

/**
 * Astro reads frontmatter as YAML 1.1, where an unquoted `date: 2024-03-14` is a timestamp, not the
 * ISO string the schema (and YAML 1.2, which the generator writes) means; turn it back.
 */
function dateToIsoString(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || !('date' in data) || !(data.date instanceof Date)) return data;
  return { ...data, date: data.date.toISOString().slice(0, 10) };
}

const papers = defineCollection({
  // The file name is the slug, kept verbatim (the default id would re-slugify it).
  loader: glob({ base: papersDir, pattern: '*.mdx', generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }),
  schema: z.preprocess(dateToIsoString, createPaperSchema(getTopicIds(loadTaxonomy()))),
});

export const collections = { papers };
