// @ts-check
// The floor papershelf is measured against: Astro's defaults plus MDX, nothing else.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  integrations: [mdx()],
});
