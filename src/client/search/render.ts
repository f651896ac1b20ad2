import { excerptParts, summaryExcerpt } from './excerpt.ts';
import type { PageSummary } from './find-page.ts';
import type { PagefindResultData } from './pagefind-api.ts';
import { highlightParam } from './params.ts';
import { facetKeys, type FacetKey, type SearchOutcome } from './query.ts';

const facetLabels: Record<FacetKey, string> = { topic: 'Topics', tag: 'Tags' };
const showFacetLabels: Record<FacetKey, string> = { topic: 'Show topics', tag: 'Show tags' };

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  node.append(...children);
  return node;
}

/**
 * Pagefind's excerpt as DOM nodes: the page's own words, with `<mark>` around the matched ones and
 * nothing else, so text that looks like markup or like an entity shows exactly as the listing
 * wrote it (see `excerptParts`).
 */
export function excerptToNodes(content: string, html: string): Node[] {
  const parts = excerptParts(content, html);
  if (!parts) {
    // Not a window of the content (a Pagefind change): its text, inert, rather than nothing.
    const template = document.createElement('template');
    template.innerHTML = html;
    return [document.createTextNode(template.content.textContent ?? '')];
  }
  return parts.map((part) => (part.mark ? element('mark', '', part.text) : document.createTextNode(part.text)));
}

/** Link to a result (`data.url`, or a page-list address) that asks the paper page to mark the query's words. */
export function resultHref(address: string, text: string): string {
  const url = new URL(address, location.href);
  if (text.trim()) url.searchParams.set(highlightParam, text.trim());
  return url.pathname + url.search + url.hash;
}

/**
 * The excerpt worth showing: Pagefind's, from the abstract (a record's only content), when the
 * words occur there. A paper found by its title, method, tags or topics alone (meta fields) gets
 * an excerpt with nothing marked, the abstract's first words; the summary (its first sentence)
 * reads better then. Either way an ellipsis marks where the abstract was cut.
 */
function chooseExcerpt(data: PagefindResultData): Node[] {
  if (data.excerpt.includes('<mark>') || !data.meta.summary) return excerptToNodes(data.content, data.excerpt);
  return [document.createTextNode(summaryExcerpt(data.meta.summary, data.content))];
}

/** One result: the title as the link, the excerpt, its topics and when it was listed. */
export function renderResult(data: PagefindResultData, text: string): HTMLLIElement {
  const link = element('a', 'search-result-link', data.meta.title ?? data.url);
  link.href = resultHref(data.url, text);
  const excerpt = element('p', 'search-result-excerpt', ...chooseExcerpt(data));
  const topics = data.filters.topic ?? [];
  const meta = element('p', 'search-result-meta');
  if (topics.length > 0) {
    const chips = element('span', 'search-result-topics', element('span', 'visually-hidden', 'Topics: '));
    for (const topic of topics) chips.append(element('span', 'search-chip', topic));
    meta.append(chips);
  }
  if (data.meta.listed) meta.append(element('span', 'search-result-listed', `Listed ${data.meta.listed}`));
  return element('li', 'search-result', link, excerpt, meta);
}

/**
 * A result whose details (excerpt, topics, date) could not be loaded: offline, the worker had not
 * kept them. Its title and link come from the page list; without that, only a notice.
 */
export function renderUnavailableResult(page: PageSummary | undefined, text: string, offline: boolean): HTMLLIElement {
  const note = element('p', 'search-result-excerpt search-result-note', offline ? 'Details unavailable offline.' : 'Details could not be loaded.');
  if (!page) return element('li', 'search-result', element('p', 'search-result-title', 'A matching paper'), note);
  const link = element('a', 'search-result-link', page.title);
  link.href = resultHref(page.url, text);
  return element('li', 'search-result', link, note);
}

/**
 * Facet groups as toggle buttons (`aria-pressed`), each value with the number of results it would
 * leave. Selected values always show, so they can be turned off again.
 *
 * @param idPrefix
 *   Unique per search box, for the group labels' ids.
 * @param limits
 *   Most values shown per facet (the rest are reachable from the search page).
 * @param onDemand
 *   Facets not loaded yet: each shows as a button that loads it (`data-show-facet`).
 * @param loading
 *   Facets whose counts are on their way: each shows its label, busy, so that the results below
 *   do not move when the counts come.
 */
export function renderFacets(
  outcome: SearchOutcome,
  idPrefix: string,
  limits: Record<FacetKey, number>,
  onDemand: readonly FacetKey[] = [],
  loading: readonly FacetKey[] = [],
): HTMLElement[] {
  return facetKeys.flatMap((key) => {
    if (onDemand.includes(key)) {
      const show = element('button', 'search-facet-value search-facet-show', showFacetLabels[key]);
      show.type = 'button';
      show.dataset.showFacet = key;
      return outcome.results.length > 0 ? [element('div', 'search-facet', show)] : [];
    }
    if (loading.includes(key)) {
      const pending = element('div', 'search-facet', element('span', 'search-facet-label', facetLabels[key]), element('span', 'search-facet-pending', 'counting…'));
      pending.setAttribute('aria-busy', 'true');
      return outcome.results.length > 0 ? [pending] : [];
    }
    const selected = outcome.query.filters[key];
    const counts = outcome.facets[key] ?? {};
    const values = Object.entries(counts)
      .filter(([value, count]) => count > 0 && !selected.includes(value))
      .sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b))
      .slice(0, Math.max(0, limits[key] - selected.length));
    const shown: [string, number][] = [...selected.map((value): [string, number] => [value, counts[value] ?? 0]), ...values];
    if (shown.length === 0) return [];
    const labelId = `${idPrefix}-facet-${key}`;
    const group = element('div', 'search-facet', element('span', 'search-facet-label', facetLabels[key]));
    group.setAttribute('role', 'group');
    group.setAttribute('aria-labelledby', labelId);
    group.firstElementChild!.id = labelId;
    for (const [value, count] of shown) {
      const button = element(
        'button',
        'search-facet-value',
        key === 'tag' ? `#${value}` : value,
        element('span', 'search-facet-count', String(count)),
        element('span', 'visually-hidden', count === 1 ? ' paper' : ' papers'),
      );
      button.type = 'button';
      button.dataset.facet = key;
      button.dataset.value = value;
      button.setAttribute('aria-pressed', String(selected.includes(value)));
      group.append(button);
    }
    return [group];
  });
}

/**
 * The sentence the live region reads out after each search: how many papers, for which words, in
 * which facets; that the words were corrected (the typed ones quoted too), or that no paper had
 * them all.
 */
export function describeOutcome(outcome: SearchOutcome): string {
  const { query, results, corrected, match } = outcome;
  const total = results.length;
  const typed = query.text.trim();
  const text = corrected ?? typed;
  const narrowed = facetKeys.flatMap((key) => query.filters[key].map((value) => (key === 'tag' ? `#${value}` : value)));
  const scope = narrowed.length > 0 ? ` in ${narrowed.join(', ')}` : '';
  const papers = `${total} ${total === 1 ? 'paper' : 'papers'}`;
  if (match === 'some' && total > 0) {
    const instead = corrected ? ` (corrected from “${typed}”)` : '';
    return `No paper${scope} has all of “${text}”${instead}; showing ${papers} with some of them.`;
  }
  const words = text ? ` for “${text}”` : '';
  if (total === 0) return `No papers${words}${scope}.`;
  if (corrected) return `${papers}${words}${scope}, corrected from “${typed}”.`;
  return `${papers}${words}${scope}.`;
}

/**
 * What the reader should know beyond the count: the query's words were corrected, shown with a
 * link that runs the words as typed (`data-search-literal`, which the search box handles in
 * place). Nothing otherwise.
 *
 * @param literalHref
 *   The search page's address for the typed words, never corrected.
 */
export function renderNotice(outcome: SearchOutcome | undefined, literalHref: string): HTMLElement[] {
  if (!outcome?.corrected || outcome.results.length === 0) return [];
  const link = element('a', 'search-notice-literal', `“${outcome.query.text.trim()}”`);
  link.href = literalHref;
  link.dataset.searchLiteral = '';
  return [element('p', 'search-notice-line', 'Showing results for ', element('em', '', outcome.corrected), '. Search instead for ', link)];
}
