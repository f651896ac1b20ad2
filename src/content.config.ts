import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { createPaperSchema } from './schema/paper.ts';
import { getTopicIds, loadTaxonomy } from './schema/taxonomy.ts';

/** Generated pages; tests and the bench point this at their own folder. */
const papersDir = process.env.PAPERSHELF_PAPERS_DIR || './content/papers';

const papers = defineCollection({
  // The file name is the slug, kept verbatim (the default id would re-slugify it).
  loader: glob({ base: papersDir, pattern: '*.mdx', generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }),
  schema: createPaperSchema(getTopicIds(loadTaxonomy())),
});

export const collections = { papers };
