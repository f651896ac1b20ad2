import { describe, expect, test } from 'vitest';
import { buildFixtureSite } from './helpers/build-site.ts';
import { checkInternalLinks } from './helpers/link-check.ts';

describe.each(['/', '/some/sub/path/'])('with BASE_PATH=%s', (basePath) => {
  test('every internal link, asset, feed and sitemap URL resolves inside the base', async () => {
    const site = await buildFixtureSite({ basePath });
    const report = await checkInternalLinks(site.outDir, site);
    expect(report.broken).toEqual([]);
    // Sanity: the check really walked the site (pages, topics, tags, feeds, sitemap).
    expect(report.checked).toBeGreaterThan(200);
  });

  test('no page loads anything from another origin', async () => {
    const site = await buildFixtureSite({ basePath });
    const report = await checkInternalLinks(site.outDir, site);
    expect(report.thirdPartyLoads).toEqual([]);
  });
});
