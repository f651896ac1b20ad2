import { describe, expect, test } from 'vitest';
import { createTopicNames, emptyQuery, isActive, queryFromParams, queryToParams, searchPageHref } from '../../src/client/search/query.ts';

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
