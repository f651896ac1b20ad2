import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { CustomRecord } from 'pagefind';
import { linkUrls } from '../pipeline/emit/remark-link-urls.ts';
import { tidyTexInText } from '../pipeline/emit/remark-tidy-tex.ts';
import type { SearchFields } from '../pipeline/enrich/enrich.ts';
import type { SearchFilters, SearchMeta, SearchSort } from '../shared/search-fields.ts';

/** A Pagefind custom record with papershelf's fields. */
export interface SearchRecord extends CustomRecord {
  meta: SearchMeta & Record<string, string>;
  filters: SearchFilters;
  sort: SearchSort;
}

/**
 * The Pagefind record of one paper, built from its frontmatter instead of its page.
 *
 * - `url`: the paper page's address as Pagefind stores one (`/papers/<slug>/`, without the base,
 *   which the browser adds), so the offline page list and the fragments still line up.
 * - `content`: the abstract and nothing else, with its words as the page shows them (`abstractText`),
 *   so every excerpt is a window of the abstract and `?highlight=` finds on the page the words
 *   the index matched.
 * - `meta`: the title, method, tags and topics, searched and weighted by field in the browser
 *   (`searchMetaWeights`), and the summary and listing day the results show.
 * - `filters`: topic names and tag ids; `sort`: the paper's position in the listing.
 *
 * @param paper
 *   The paper's frontmatter.
 * @param topicNames
 *   Topic id -> name, from the taxonomy.
 * @returns
 *   The record, ready for `addCustomRecord`.
 * @throws
 *   When a topic id is not in `topicNames` (the taxonomy changed since the site was built).
 */
export function paperToSearchRecord(paper: SearchFields, topicNames: ReadonlyMap<string, string>): SearchRecord {
  const topics = paper.topics.map((id) => {
    const name = topicNames.get(id);
    if (name === undefined) throw new Error(`search index: topic "${id}" of paper "${paper.slug}" is not in the taxonomy`);
    return name;
  });
  const meta: SearchMeta & Record<string, string> = { title: paper.title, summary: paper.summary, listed: paper.listed, topics: topics.join(', ') };
  if (paper.method) meta.method = paper.method;
  if (paper.tags.length > 0) meta.tags = paper.tags.join(' ');
  return {
    url: `/papers/${paper.slug}/`,
    content: abstractText(paper.abstract),
    language: 'en',
    meta,
    filters: { topic: topics, tag: [...paper.tags] },
    sort: { position: String(paper.position) },
  };
}

/**
 * The texts a paper is found by, for the typo-forgiving word list (`collectSearchWords`): its
 * title, method, tags, topics and abstract. The summary is the abstract's first sentence and the
 * listing day is no word a reader misspells, so neither is listed.
 */
export function searchRecordTexts(record: SearchRecord): string[] {
  const { title, method, tags, topics } = record.meta;
  return [title, method ?? '', tags ?? '', topics, record.content];
}

/**
 * The words of an abstract as its page shows them: the emitter's own transforms make URLs inside
 * TeX `\url{...}` plain URLs and known TeX accents and quotes readable (`Gy\"{o}rgy` -> György).
 * Formulas stay as the listing writes them (`O(\sqrt{T})`), which is what a reader types; the page
 * renders them as MathML. Runs of white space become one space.
 */
export function abstractText(abstract: string): string {
  const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: abstract }] }] };
  linkUrls(tree);
  tidyTexInText(tree);
  return toString(tree).replace(/\s+/g, ' ').trim();
}
