import type { Listing, RawPaper } from '../schema/paper.ts';
import type { DatedEntry } from './resolve-days.ts';

/**
 * The identity of a paper across listings: its title after Unicode NFKC, case folding and
 * collapsing whitespace, so `Deep  Nets` and `deep nets` on two days are one paper.
 */
export function paperKey(title: string): string {
  return title.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Merges the entries of every day into papers: one per distinct paper, with every day it was
 * listed (`listings`, oldest first) and the latest day's title and abstract. `listed` and `date`
 * are the first listing's. Papers come in archive order: by the day they were first listed, then
 * by rank. Days are ordered by date when every day has one, else in reading order.
 *
 * @returns
 *   Papers in archive order, and warnings (a paper listed twice in one day, text that changed).
 */
export function mergeListings(entries: readonly DatedEntry[]): { papers: RawPaper[]; warnings: string[] } {
  const dayOrder = orderDays(entries);
  const groups = new Map<string, { entry: DatedEntry; index: number }[]>();
  entries.forEach((entry, index) => {
    const key = paperKey(entry.title);
    const group = groups.get(key);
    if (group) group.push({ entry, index });
    else groups.set(key, [{ entry, index }]);
  });
  const warnings: string[] = [];
  const merged = [...groups.values()].map((group) => {
    const occurrences = group.sort((a, b) => (dayOrder.get(a.entry.day.id) ?? 0) - (dayOrder.get(b.entry.day.id) ?? 0) || a.index - b.index);
    const seen = new Map<string, DatedEntry>();
    for (const { entry } of occurrences) {
      const first = seen.get(entry.day.id);
      if (first) warnings.push(`${where(entry)}: listed again on ${entry.day.label} (first at ${where(first)}); counted once`);
      else seen.set(entry.day.id, entry);
    }
    const kept = [...seen.values()];
    const first = kept[0]!;
    const latest = kept.at(-1)!;
    const differing = kept.find((entry) => entry.title !== latest.title || entry.abstract !== latest.abstract);
    if (differing) warnings.push(`${where(latest)}: its title or abstract differs from ${where(differing)}; the latest listing's is shown`);
    const listings: Listing[] = kept.map((entry) => ({ day: entry.day.id, label: entry.day.label, rank: entry.rank }));
    const paper: RawPaper = {
      title: latest.title,
      abstract: latest.abstract,
      listed: first.day.label,
      ...(first.day.date ? { date: first.day.date } : {}),
      listings,
      source: latest.source,
    };
    return { paper, order: [dayOrder.get(first.day.id) ?? 0, first.rank, occurrences[0]!.index] as const };
  });
  merged.sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.order[2] - b.order[2]);
  return { papers: merged.map(({ paper }) => paper), warnings };
}

/** Index of each day id: by date when every day has one, else in the order first read. */
function orderDays(entries: readonly DatedEntry[]): Map<string, number> {
  const days = new Map<string, string | undefined>();
  for (const { day } of entries) if (!days.has(day.id)) days.set(day.id, day.date);
  const ids = [...days.keys()];
  if ([...days.values()].every(Boolean)) ids.sort();
  return new Map(ids.map((id, index) => [id, index]));
}

function where(entry: DatedEntry): string {
  return `${entry.source.file}:${entry.source.line}`;
}
