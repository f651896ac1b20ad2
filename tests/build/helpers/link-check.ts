import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { listFiles } from './build-site.ts';

export interface LinkReport {
  /** Internal links and asset references checked. */
  checked: number;
  /** `page: link (reason)` for each link that does not resolve. */
  broken: string[];
  /** Resources the pages would load from another origin (scripts, styles, images, frames). */
  thirdPartyLoads: string[];
}

/** Attributes that load a resource as the page opens, as opposed to links a reader follows. */
const loadingSelectors = 'script[src], link[rel~=stylesheet], link[rel~=preload], link[rel~=modulepreload], link[rel~=icon], img, iframe, source, video, audio, object, embed';

/**
 * Resolves every internal link, asset and form action in every HTML page of `outDir`, and every
 * site URL in its XML files (feeds, sitemaps), the way a browser would for a site served at
 * `siteUrl` + `basePath`: a URL outside the base, a missing file or a missing `#fragment` is broken.
 */
export async function checkInternalLinks(outDir: string, options: { basePath: string; siteUrl: string }): Promise<LinkReport> {
  const siteOrigin = new URL(options.siteUrl).origin;
  const files = await listFiles(outDir);
  const existing = new Set(files);
  const idsByFile = new Map<string, Set<string>>();
  const report: LinkReport = { checked: 0, broken: [], thirdPartyLoads: [] };
  const pending: { page: string; link: string; url: URL }[] = [];

  for (const file of files) {
    const pageUrl = new URL(options.basePath + file.replace(/(^|\/)index\.html$/, '$1'), siteOrigin);
    const text = await readFile(join(outDir, file), 'utf8');
    if (file.endsWith('.html')) {
      const tree = fromHtml(text);
      idsByFile.set(file, new Set(selectAll('[id]', tree).map((element) => String(element.properties.id))));
      for (const element of selectAll('[href], [src], form[action]', tree)) {
        for (const link of linkValues(element)) pending.push({ page: file, link, url: new URL(link, pageUrl) });
      }
      for (const element of selectAll(loadingSelectors, tree)) {
        for (const link of linkValues(element)) {
          const url = new URL(link, pageUrl);
          if (url.origin !== siteOrigin && url.protocol !== 'data:') report.thirdPartyLoads.push(`${file}: ${link}`);
        }
      }
    } else if (file.endsWith('.xml')) {
      for (const match of text.matchAll(/<(?:link|loc|guid)>([^<]+)<\/|\shref="([^"]+)"/g)) {
        const link = decodeXml(match[1] ?? match[2] ?? '');
        pending.push({ page: file, link, url: new URL(link, pageUrl) });
      }
    }
  }

  for (const { page, link, url } of pending) {
    if (url.origin !== siteOrigin || !/^https?:$/.test(url.protocol)) continue;
    report.checked += 1;
    if (!url.pathname.startsWith(options.basePath)) {
      report.broken.push(`${page}: ${link} (outside base ${options.basePath})`);
      continue;
    }
    let target = decodeURIComponent(url.pathname.slice(options.basePath.length));
    if (target === '' || target.endsWith('/')) target += 'index.html';
    if (!existing.has(target)) {
      report.broken.push(`${page}: ${link} (no ${target})`);
      continue;
    }
    const fragment = decodeURIComponent(url.hash.slice(1));
    if (fragment && target.endsWith('.html') && !idsByFile.get(target)?.has(fragment)) {
      report.broken.push(`${page}: ${link} (no #${fragment} in ${target})`);
    }
  }
  return report;
}

function linkValues(element: Element): string[] {
  const { href, src, action } = element.properties;
  return [href, src, element.tagName === 'form' ? action : undefined].filter(
    (value): value is string => typeof value === 'string' && value !== '',
  );
}

function decodeXml(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[name] ?? '');
}

