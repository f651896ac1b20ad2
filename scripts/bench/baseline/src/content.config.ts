import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

// The bench points this at the pages papershelf generated, so both sites build the same files.
const papersDir = process.env.PAPERSHELF_PAPERS_DIR;
if (!papersDir) throw new Error('set PAPERSHELF_PAPERS_DIR to the folder of generated .mdx pages');

const papers = defineCollection({
  loader: glob({ base: papersDir, pattern: '*.mdx' }),
  // Only what the pages show; the rest of papershelf's frontmatter passes through unchecked.
  schema: z.looseObject({ title: z.string(), topics: z.array(z.string()), tags: z.array(z.string()) }),
});

export const collections = { papers };
