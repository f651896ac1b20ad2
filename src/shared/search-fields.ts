// What the search index holds for each paper, shared by the build that writes the records
// (`src/integrations/search-record.ts`) and the browser code that ranks and shows the results
// (`src/client/search/`): one list of fields, two sides.

/**
 * Pagefind meta fields of a paper record. Every meta field is returned with a result and, since
 * Pagefind 1.5, searched too; a match in one adds to the page's score in proportion to the
 * field's weight (`searchMetaWeights`) and to how much of the query it covers.
 */
export interface SearchMeta {
  title: string;
  /** First sentence of the abstract: the excerpt of a result whose words are not in the abstract. */
  summary: string;
  /** Label of the day the paper was first listed (`Mar 14`). */
  listed: string;
  /** Name of the paper's method (`SPaR`), when it has one. */
  method?: string;
  /** Tag ids, space-separated (`faft travelplanner long-context`). */
  tags?: string;
  /** Topic names, comma-separated (`LLM Agents, Reasoning`). */
  topics: string;
}

/** Filters of a paper record: topic names (as facets and result chips show them) and tag ids. */
export type SearchFilters = Record<'topic' | 'tag', string[]>;

/** Sort keys of a paper record: `position` orders results as the listing does (`order=listing`). */
export type SearchSort = Record<'position', string>;

/**
 * How much a match in each meta field counts, handed to Pagefind in the browser
 * (`ranking.metaWeights`). A record's content is the abstract alone; a match there scores at most
 * about 2.4 times the word's rarity (BM25), a match in a meta field `weight` times it, so these
 * put method names, titles and tags above abstract words, as the paper page's weighted heading
 * and chips did when Pagefind read the page. Fields not listed count 1 (`listed`).
 *
 * Chosen by comparing the rankings of both indexes over the default listing's methods, titles,
 * tags, topics and abstract words: the same first result for every method and title, and for
 * 92% of tags and 80% of topics. Unlike content, meta matches get no bonus for matching a word
 * exactly rather than as a prefix (`UA` finds `UART` as strongly as `UA`).
 */
export const searchMetaWeights: Readonly<Partial<Record<keyof SearchMeta, number>>> = {
  // The summary is shown with results but is the abstract's first sentence, which the content
  // already holds: at weight 1 its words counted twice (`influence functions` put InfFeed above
  // the EK-FAC paper, which discusses them throughout).
  summary: 0,
  method: 10,
  title: 5,
  tags: 3,
  topics: 2,
};
