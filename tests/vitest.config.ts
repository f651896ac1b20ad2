import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Three layers, fastest first: pure functions, the real pipeline and Astro build on fixtures,
// and the built site in headless Chromium. `vitest run --project unit` runs only the first, and
// needs no browser: only the build and browser projects make sure Chromium is there.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    projects: [
      {
        extends: true,
        // Type tests (`*.test-d.ts`) are checked by the compiler, not run.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], typecheck: { enabled: true, include: ['tests/types/**/*.test-d.ts'] } },
      },
      { extends: true, test: { name: 'build', globalSetup: ['tests/setup/ensure-chromium.ts'], include: ['tests/build/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 300_000, fileParallelism: false } },
      { extends: true, test: { name: 'browser', globalSetup: ['tests/setup/ensure-chromium.ts'], include: ['tests/browser/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 300_000, fileParallelism: false } },
    ],
  },
});
