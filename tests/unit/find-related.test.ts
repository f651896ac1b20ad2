import { describe, expect, it } from 'vitest';
import { findRelated } from '../../src/pipeline/enrich/find-related.ts';

const papers = [
  { title: 'Contextual bandits with neural regression', abstract: 'Regret bounds for contextual bandits with neural networks.' },
  { title: 'Federated learning with curricula', abstract: 'Clients in federated learning benefit from curriculum ordering.' },
  { title: 'Neural contextual bandits revisited', abstract: 'We revisit neural contextual bandits and their regret.' },
  { title: 'Federated continual learning', abstract: 'Federated clients forget; we reduce forgetting across clients.' },
  { title: 'Bandits in payments', abstract: 'Contextual bandits used for payment processing, with regret analysis.' },
];

describe('findRelated', () => {
  it('lists the most similar papers first and never the paper itself', () => {
    const related = findRelated(papers, { count: 2 });
    expect(related[0]).toEqual([2, 4]);
    expect(related[1]?.[0]).toBe(3);
    related.forEach((list, index) => expect(list).not.toContain(index));
  });

  it('lists no more than asked for, and no paper with nothing in common', () => {
    const related = findRelated([...papers, { title: 'Quantum chemistry', abstract: 'Orbitals and molecules.' }]);
    expect(related[5]).toEqual([]);
    for (const list of related) expect(list.length).toBeLessThanOrEqual(5);
  });

  it('breaks ties by listing order', () => {
    const twins = [
      { title: 'Graph neural networks', abstract: 'Message passing on graphs.' },
      { title: 'Graph neural networks', abstract: 'Message passing on graphs.' },
      { title: 'Graph neural networks', abstract: 'Message passing on graphs.' },
    ];
    expect(findRelated(twins)).toEqual([[1, 2], [0, 2], [0, 1]]);
  });

  it('handles an empty listing', () => {
    expect(findRelated([])).toEqual([]);
  });

  it('lists only papers that share a topic, and a shared tag counts', () => {
    const topics = [['bandits'], ['federated'], ['theory'], ['federated'], ['bandits']];
    expect(findRelated(papers, { topics })[0]).toEqual([4]);
    const tags = [['regret'], [], ['regret'], [], []];
    expect(findRelated(papers, { tags, count: 1 })[0]).toEqual([2]);
  });

  it('relates a paper only to papers listed up to its first day, so a new day leaves earlier lists alone', () => {
    const days = [0, 0, 1, 1, 2];
    const related = findRelated(papers, { days });
    expect(related[0]).toEqual([]);
    expect(related[2]).toContain(0);
    // The first days' lists are the same whatever comes after them.
    expect(findRelated(papers.slice(0, 4), { days: days.slice(0, 4) })).toEqual(related.slice(0, 4));
  });
});
