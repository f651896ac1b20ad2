// @ts-check
// The floor papershelf is measured against: Astro's defaults plus MDX, nothing else, except that
// its Markdown reads `$...$` as math: papershelf's pages hold formulas, whose braces plain MDX
// would take for expressions and refuse.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';

export default defineConfig({
  markdown: { processor: satteri({ features: { math: true } }) },
  integrations: [mdx()],
});
