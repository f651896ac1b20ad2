/**
 * Site URLs. Every internal link goes through these helpers so that the whole site honours
 * `BASE_PATH`; `BASE_URL` always ends in `/` because the config sets `trailingSlash: 'always'`.
 */
const base = import.meta.env.BASE_URL;

/**
 * @param path
 *   Site-relative path without a leading slash (`topics/`); empty for the home page.
 * @returns
 *   The path under the configured base (`/some/sub/path/topics/`).
 */
export function withBase(path = ''): string {
  return base + path.replace(/^\/+/, '');
}

/** Page `n` of a paginated index whose first page lives at `first` (which ends in `/`). */
function pagePath(first: string, page: number): string {
  return page > 1 ? `${first}${page}/` : first;
}

export const homePath = (): string => withBase();
/** Every paper, by first listing: page 1 at `/papers/`, later pages at `/page/<n>/`. */
export const archivePath = (page = 1): string => (page > 1 ? withBase(`page/${page}/`) : withBase('papers/'));
export const daysPath = (): string => withBase('days/');
export const dayPath = (id: string): string => withBase(`days/${id}/`);
export const daysFeedPath = (): string => withBase('days/rss.xml');
export const paperPath = (slug: string): string => withBase(`papers/${slug}/`);
export const topicsPath = (): string => withBase('topics/');
export const topicPath = (id: string, page = 1): string => pagePath(withBase(`topics/${id}/`), page);
export const topicFeedPath = (id: string): string => withBase(`topics/${id}/rss.xml`);
export const tagsPath = (): string => withBase('tags/');
export const tagPath = (tag: string, page = 1): string => pagePath(withBase(`tags/${tag}/`), page);
/** A-Z tag list of one initial (`a`...`z`, `0-9`); a tag's own pages are numbered, so they never collide. */
export const tagInitialPath = (initial: string): string => withBase(`tags/a-z/${initial}/`);
export const feedPath = (): string => withBase('rss.xml');
export const searchPath = (): string => withBase('search/');

/**
 * @param path
 *   A path from the helpers above.
 * @param site
 *   `Astro.site` (from `SITE_URL`).
 * @returns
 *   The absolute URL, for canonical links, feeds and structured data.
 */
export function toAbsoluteUrl(path: string, site: URL | undefined): string {
  if (!site) throw new Error('`site` is not set; SITE_URL must be a URL');
  return new URL(path, site).href;
}
