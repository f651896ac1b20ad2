/**
 * The papers of each day, as `[start, end)` index ranges, for the steps that take an archive day
 * by day as it grew (tags, related papers).
 *
 * @param days
 *   The number of each paper's first day, in archive order, never decreasing; empty when all
 *   papers are of one day.
 * @param count
 *   Number of papers.
 * @throws
 *   `RangeError` when the numbers go back, or do not match the papers.
 */
export function dayRanges(days: readonly number[], count: number): Array<[number, number]> {
  if (days.length === 0) return count === 0 ? [] : [[0, count]];
  if (days.length !== count) throw new RangeError(`${days.length} days for ${count} papers`);
  const ranges: Array<[number, number]> = [];
  let start = 0;
  for (let index = 1; index <= count; index += 1) {
    if (index < count && days[index] === days[start]) continue;
    if (index < count && (days[index] ?? 0) < (days[start] ?? 0)) throw new RangeError('days must never decrease');
    ranges.push([start, index]);
    start = index;
  }
  return ranges;
}
