/**
 * The archive by day, from each paper's `listings`: pure, over plain frontmatter, so scripts and
 * tests can use it without `astro:*`.
 */
import type { Listing } from '../schema/paper.ts';

/** The fields day grouping needs; a paper entry's `data` satisfies it. */
export interface ListedOnDays {
  listings: readonly Listing[];
}

/** One paper as one day lists it. */
export interface DayItem<T> {
  paper: T;
  /** Place within the day's listing. */
  rank: number;
  /** Which of the paper's listed days this is: 1 when the paper is new that day. */
  dayNumber: number;
}

/** One listed day, its papers in rank order. */
export interface ListedDay<T> {
  /** `YYYY-MM-DD`, or the label's id (`mar-14`) when no year is known. */
  id: string;
  label: string;
  /** ISO date when the id is one. */
  date: string | undefined;
  items: DayItem<T>[];
  /** Papers listed for the first time that day. */
  newCount: number;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Every day of the archive, oldest first: by date when every day has one, else in the order the
 * archive (papers by first listing) first reaches each day.
 *
 * @param papers
 *   Papers in archive order.
 */
export function groupByDay<T>(papers: readonly T[], toData: (paper: T) => ListedOnDays): ListedDay<T>[] {
  const days = new Map<string, ListedDay<T>>();
  for (const paper of papers) {
    toData(paper).listings.forEach((listing, index) => {
      let day = days.get(listing.day);
      if (!day) {
        day = { id: listing.day, label: listing.label, date: isoDate.test(listing.day) ? listing.day : undefined, items: [], newCount: 0 };
        days.set(listing.day, day);
      }
      day.items.push({ paper, rank: listing.rank, dayNumber: index + 1 });
      if (index === 0) day.newCount += 1;
    });
  }
  const ordered = [...days.values()];
  if (ordered.every((day) => day.date)) ordered.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const day of ordered) day.items.sort((a, b) => a.rank - b.rank);
  return ordered;
}

/** Days grouped by month (`2024-03`), newest month and newest day first; days without a year last, under `undefined`. */
export function groupDaysByMonth<T>(days: readonly ListedDay<T>[]): { month: string | undefined; days: ListedDay<T>[] }[] {
  const months = new Map<string | undefined, ListedDay<T>[]>();
  for (const day of [...days].reverse()) {
    const month = day.date?.slice(0, 7);
    const group = months.get(month);
    if (group) group.push(day);
    else months.set(month, [day]);
  }
  return [...months].map(([month, grouped]) => ({ month, days: grouped })).sort((a, b) => (a.month === undefined ? 1 : b.month === undefined ? -1 : a.month < b.month ? 1 : -1));
}

/** `March 2024` for `2024-03`. */
export function formatMonth(month: string): string {
  return new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}
