/** A seeded source of randomness with the few draws the synthetic listing needs. */
export interface Random {
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with the given probability. */
  chance(probability: number): boolean;
  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T;
  /**
   * One element, with Zipf-like weights (the first items are the most frequent), so word
   * frequencies have the long tail of real text instead of a flat spread.
   */
  pickSkewed<T>(items: readonly T[]): T;
  /** `count` distinct elements, in random order. */
  sample<T>(items: readonly T[], count: number): T[];
}

/**
 * Creates a deterministic generator (mulberry32): the same seed always yields the same draws,
 * on every platform, which `Math.random` cannot promise.
 *
 * @param seed
 *   Any 32-bit integer.
 * @returns
 *   The generator.
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('cannot pick from an empty list');
    return items[Math.floor(next() * items.length)] as T;
  };
  return {
    int,
    chance: (probability) => next() < probability,
    pick,
    // Inverse-CDF of a density proportional to 1/x over [1, n+1): index frequency falls off like Zipf's 1/rank.
    pickSkewed: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('cannot pick from an empty list');
      const index = Math.floor(Math.exp(next() * Math.log(items.length + 1))) - 1;
      return items[Math.min(index, items.length - 1)] as T;
    },
    sample: <T>(items: readonly T[], count: number): T[] => {
      const pool = [...items];
      const chosen: T[] = [];
      while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(Math.floor(next() * pool.length), 1)[0] as T);
      return chosen;
    },
  };
}

/**
 * Mixes a seed and an index into a new seed, so each paper has its own stream: paper `i` is the
 * same whatever the listing's length, and a longer listing extends a shorter one.
 */
export function deriveSeed(seed: number, index: number): number {
  let hash = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  hash = Math.imul(hash ^ (hash >>> 16), 0x7feb352d);
  hash = Math.imul(hash ^ (hash >>> 15), 0x846ca68b);
  return (hash ^ (hash >>> 16)) >>> 0;
}
