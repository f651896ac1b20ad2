/**
 * Pure grouping helpers over paper frontmatter. They import nothing from `astro:*`, so any script
 * or test can use them on plain data.
 */

import type { Paper } from '../schema/paper.ts';

/** The fields section grouping needs; a paper entry's `data` satisfies it. */
export type ListedPaper = Pick<Paper, 'listed' | 'date'>;

/** One date section of the listing, in listing order. */
export interface Section<T> {
  listed: string;
  date: string | undefined;
  papers: T[];
}

/**
 * Splits papers (already in listing order) into their date sections. A label that reappears
 * later in the listing opens a new section, because the listing, not the label, defines order.
 */
export function groupBySection<T>(papers: readonly T[], toData: (paper: T) => ListedPaper): Section<T>[] {
  const sections: Section<T>[] = [];
  let current: Section<T> | undefined;
  for (const paper of papers) {
    const { listed, date } = toData(paper);
    if (!current || current.listed !== listed || current.date !== date) {
      current = { listed, date, papers: [] };
      sections.push(current);
    }
    current.papers.push(paper);
  }
  return sections;
}

/**
 * Groups papers under each value a paper carries (its topics or its tags), keeping listing order
 * inside each group.
 */
export function groupByValue<T>(papers: readonly T[], values: (paper: T) => readonly string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const paper of papers) {
    for (const value of values(paper)) {
      const group = groups.get(value);
      if (group) group.push(paper);
      else groups.set(value, [paper]);
    }
  }
  return groups;
}

/** Group sizes, most frequent first, ties A-Z, so the order is stable across builds. */
export function rankByCount<T>(groups: ReadonlyMap<string, readonly T[]>): { key: string; count: number }[] {
  return [...groups]
    .map(([key, items]) => ({ key, count: items.length }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key, 'en'));
}

/** One page of a paginated index. */
export interface PageSlice<T> {
  /** 1-based page number. */
  page: number;
  lastPage: number;
  items: T[];
}

/** Cuts `items` into pages of `size`; an empty list still yields one (empty) page. */
export function paginate<T>(items: readonly T[], size: number): PageSlice<T>[] {
  const lastPage = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: lastPage }, (_, index) => ({
    page: index + 1,
    lastPage,
    items: items.slice(index * size, (index + 1) * size),
  }));
}

/** The A-Z group of a kebab-case key: its first letter, or `0-9` for a leading digit. */
function initialOf(key: string): string {
  const first = key.charAt(0);
  return first >= 'a' && first <= 'z' ? first : '0-9';
}

/** Keys grouped by `initialOf`, groups in A-Z order (digits first), keys A-Z inside each. */
export function groupByInitial(keys: readonly string[]): Map<string, string[]> {
  const sorted = [...keys].sort((a, b) => a.localeCompare(b, 'en'));
  const groups = new Map<string, string[]>();
  for (const key of sorted) {
    const initial = initialOf(key);
    const group = groups.get(initial);
    if (group) group.push(key);
    else groups.set(initial, [key]);
  }
  return groups;
}
