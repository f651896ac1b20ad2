import { createHash } from 'node:crypto';

/**
 * A short digest of everything a page shows, for Astro's incremental build (`cacheKey` in
 * `getStaticPaths`): a page whose key is unchanged since the last build is restored, not rendered.
 *
 * @param parts
 *   Plain data the page renders (JSON-serialisable).
 * @returns
 *   A stable key: equal inputs give equal keys across builds.
 */
export function cacheKeyOf(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 24);
}
