import { describe, expect, test } from 'vitest';
import {
  createTopicNames,
  emptyQuery,
  isActive,
  queryFromParams,
  queryToParams,
  queryWords,
  rankAnyOf,
  searchPageHref,
  unionFacetCounts,
  withText,
} from '../../src/client/search/query.ts';
import type { FilterCounts } from '../../src/client/search/pagefind-api.ts';

describe('search queries in the address bar', () => {
  test('round-trip words, several topics and tags, and the order', () => {
    const params = new URLSearchParams('q=tree+search&topic=Reasoning&topic=LLM+agents&tag=spar&order=listing');
    const query = queryFromParams(params);
    expect(query).toEqual({ text: 'tree search', filters: { topic: ['Reasoning', 'LLM agents'], tag: ['spar'] }, order: 'listing' });
    expect(queryToParams(query).toString()).toBe(params.toString());
  });

  test('leave out what is empty or default', () => {
    expect(queryToParams({ ...emptyQuery(), text: '  ' }).toString()).toBe('');
    expect(searchPageHref(emptyQuery())).toBe('/search/');
    expect(searchPageHref({ ...emptyQuery(), text: 'EK-FAC' })).toBe('/search/?q=EK-FAC');
  });

  test('a query is active with words or with a filter alone', () => {
    expect(isActive(emptyQuery())).toBe(false);
    expect(isActive({ ...emptyQuery(), text: 'x' })).toBe(true);
    expect(isActive({ ...emptyQuery(), filters: { topic: ['Reasoning'], tag: [] } })).toBe(true);
  });

  test('an unknown order falls back to relevance', () => {
    expect(queryFromParams(new URLSearchParams('order=random')).order).toBe('relevance');
  });

  test('address topics by id and still read links that name them', () => {
    const topics = createTopicNames({ reasoning: 'Reasoning', 'llm-agents': 'LLM agents' });
    const query = queryFromParams(new URLSearchParams('q=plan&topic=llm-agents&topic=Reasoning'), topics);
    expect(query.filters.topic).toEqual(['LLM agents', 'Reasoning']);
    expect(queryToParams(query, topics).toString()).toBe('q=plan&topic=llm-agents&topic=reasoning');
    expect(searchPageHref({ ...emptyQuery(), filters: { topic: ['Unknown topic'], tag: [] } }, topics)).toBe('/search/?topic=Unknown+topic');
  });
});

describe('the words as typed (`literal`)', () => {
  test('round-trip as `literal=1`, only with words', () => {
    const query = queryFromParams(new URLSearchParams('q=influnce+functions&literal=1'));
    expect(query).toEqual({ text: 'influnce functions', filters: { topic: [], tag: [] }, order: 'relevance', literal: true });
    expect(queryToParams(query).toString()).toBe('q=influnce+functions&literal=1');
    expect(queryToParams({ ...emptyQuery(), literal: true }).toString()).toBe('');
    expect(queryFromParams(new URLSearchParams('q=x&literal=0'))).not.toHaveProperty('literal');
  });

  test('last until the words change', () => {
    const query = { ...emptyQuery(), text: 'influnce functions', literal: true, order: 'listing' as const };
    expect(withText(query, 'influnce functions ')).toEqual({ ...query, text: 'influnce functions ' });
    expect(withText(query, 'influnce function')).toEqual({ ...emptyQuery(), text: 'influnce function', order: 'listing' });
  });
});

test('queryWords: distinct words, compared as Pagefind does (lower case, no punctuation)', () => {
  expect(queryWords('  Agents tool-use, agents EK-FAC -- ')).toEqual([
    { typed: 'Agents', normal: 'agents' },
    { typed: 'tool-use,', normal: 'tooluse' },
    { typed: 'EK-FAC', normal: 'ekfac' },
  ]);
});

describe('rankAnyOf', () => {
  const result = (id: string, score: number) => ({ id, score, from: '' });
  // Words: 0 agents, 1 tool, 2 planning.
  const singles = new Map([
    [0b001, [result('a', 40), result('b', 30), result('c', 5)]],
    [0b010, [result('c', 8), result('d', 7), result('b', 1)]],
    [0b100, [result('d', 3), result('e', 50)]],
  ]);

  test('ranks papers by how many of the words they have, then by score (the sum of the single words without the combinations)', () => {
    // b and c have two words each (31 and 13), d has two (10); a and e one (40, 50).
    expect(rankAnyOf(singles, 3).map(({ id }) => id)).toEqual(['b', 'c', 'd', 'e', 'a']);
  });

  test("takes a paper's result, and its score, from the search for exactly its words", () => {
    const bySubset = new Map([
      ...singles,
      [0b011, [{ ...result('c', 20), from: 'agents tool' }, { ...result('b', 12), from: 'agents tool' }]],
      [0b110, [{ ...result('d', 9), from: 'tool planning' }]],
      [0b101, []],
      [0b111, []],
    ]);
    const ranked = rankAnyOf(bySubset, 3);
    expect(ranked.map(({ id, from }) => [id, from])).toEqual([
      ['c', 'agents tool'],
      ['b', 'agents tool'],
      ['d', 'tool planning'],
      ['e', ''],
      ['a', ''],
    ]);
  });

  test('orders by the listing within each number of words when asked', () => {
    const listing = new Map(['e', 'd', 'c', 'b', 'a'].map((id, index) => [id, index]));
    expect(rankAnyOf(singles, 3, listing).map(({ id }) => id)).toEqual(['d', 'c', 'b', 'e', 'a']);
  });

  test('a single word: its own results in its own order', () => {
    expect(rankAnyOf(new Map([[1, [result('x', 1), result('y', 2)]]]), 1).map(({ id }) => id)).toEqual(['y', 'x']);
  });
});

test('unionFacetCounts counts each paper with some of the words once (inclusion and exclusion)', () => {
  // Papers: a {agents} LLM agents; b {agents, tool} LLM agents + Reasoning; c {tool} Reasoning.
  const counts = new Map<number, FilterCounts>([
    [0b01, { topic: { 'LLM agents': 2, Reasoning: 1 } }],
    [0b10, { topic: { 'LLM agents': 1, Reasoning: 2, Robotics: 0 } }],
    [0b11, { topic: { 'LLM agents': 1, Reasoning: 1 } }],
  ]);
  expect(unionFacetCounts(counts)).toEqual({ topic: { 'LLM agents': 2, Reasoning: 2, Robotics: 0 } });
});
