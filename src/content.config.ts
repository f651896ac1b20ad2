import { defineCollection } from 'astro:content';
import { papersLoader } from './loaders/papers-loader.ts';
import { createPaperSchema } from './schema/paper.ts';
import { getTopicIds, loadTaxonomy } from './schema/taxonomy.ts';

/** Generated pages; tests and the bench point this at their own folder. */
const papersDir = process.env.PAPERSHELF_PAPERS_DIR || './content/papers';

const papers = defineCollection({
  // Generated pages render at Markdown speed; hand-written ones keep the MDX path (see the loader).
  loader: papersLoader({ base: papersDir }),
  schema: createPaperSchema(getTopicIds(loadTaxonomy())),
});

export const collections = { papers };
