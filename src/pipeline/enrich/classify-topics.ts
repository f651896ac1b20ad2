import type { Taxonomy } from '../../schema/taxonomy.ts';
import { createPhraseMatcher, toPhraseKey, type PhraseMatcher } from './match-phrases.ts';
import { toStems } from './tokenize.ts';

/** Most topics a paper gets: the main one and two more. */
const maxTopics = 3;
/** A keyword in the title says more about the paper than one mention in the abstract. */
const titleWeight = 2;
/**
 * Least score a secondary topic needs whatever the main score: one strong keyword mentioned once.
 * Without it a paper with a weak main topic would collect topics from stray words.
 */
const minSecondaryScore = 2.5;
/**
 * Score at which a topic has clear evidence of its own (a weight-3 keyword in the title and the
 * abstract scores 9) and is kept even when the main topic scores far higher, as a theory-heavy
 * RLHF paper keeps learning-theory.
 */
const strongScore = 10;

/** "without in-context learning" says the paper is not about in-context learning. */
const negation = 'without';
/** How many words before a keyword a negation still applies to ("without explicit in-context learning"). */
const negationReach = 3;

interface CompiledTaxonomy {
  matcher: PhraseMatcher;
  /** Phrase key -> the topics (by index) it signals, with its weight there. */
  signals: Map<string, { topic: number; weight: number }[]>;
  /** Per topic, the phrase keys of which a paper must mention one (empty: no condition). */
  requires: string[][];
}

// Compiling the keywords is the costly part; do it once per taxonomy object.
const compiled = new WeakMap<Taxonomy, CompiledTaxonomy>();

function compile(taxonomy: Taxonomy): CompiledTaxonomy {
  let result = compiled.get(taxonomy);
  if (result) return result;
  const signals = new Map<string, { topic: number; weight: number }[]>();
  taxonomy.topics.forEach((topic, index) => {
    for (const [phrase, weight] of Object.entries(topic.keywords)) {
      const key = toPhraseKey(phrase);
      const list = signals.get(key) ?? [];
      // Two spellings of one phrase in a topic ("federated", "Federated") count once, at the higher weight.
      const existing = list.find((signal) => signal.topic === index);
      if (existing) existing.weight = Math.max(existing.weight, weight);
      else list.push({ topic: index, weight });
      signals.set(key, list);
    }
  });
  const phrases = taxonomy.topics.flatMap((topic) => Object.keys(topic.keywords));
  const requires = taxonomy.topics.map((topic) => topic.requires.map((phrase) => toPhraseKey(phrase)));
  result = { matcher: createPhraseMatcher(phrases), signals, requires };
  compiled.set(taxonomy, result);
  return result;
}

function countKeys(matcher: PhraseMatcher, stems: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const match of matcher(stems)) {
    if (stems.slice(Math.max(0, match.start - negationReach), match.start).includes(negation)) continue;
    counts.set(match.key, (counts.get(match.key) ?? 0) + 1);
  }
  return counts;
}

function mentionsAny(text: string, keys: readonly string[]): boolean {
  return keys.some((key) => text.includes(` ${key} `));
}

/**
 * Scores every topic of the taxonomy for one paper.
 *
 * A keyword adds its weight once if it is in the title (times `titleWeight`) and, for the
 * abstract, `1 + ln(count)` times its weight: the first mention matters most, and a long abstract
 * that repeats one word does not drown the others. Mentions just after "without" do not count,
 * and a topic whose `requires` phrases are all absent scores zero.
 *
 * @param paper
 *   Title and abstract.
 * @param taxonomy
 *   Topics and their keywords.
 * @returns
 *   One score per topic, in taxonomy order.
 */
export function scoreTopics(paper: { title: string; abstract: string }, taxonomy: Taxonomy): number[] {
  const { matcher, signals, requires } = compile(taxonomy);
  const scores = taxonomy.topics.map(() => 0);
  const titleStems = toStems(paper.title);
  const abstractStems = toStems(paper.abstract);
  const inTitle = countKeys(matcher, titleStems);
  const inAbstract = countKeys(matcher, abstractStems);
  for (const key of new Set([...inTitle.keys(), ...inAbstract.keys()])) {
    const count = inAbstract.get(key) ?? 0;
    const evidence = (inTitle.has(key) ? titleWeight : 0) + (count > 0 ? 1 + Math.log(count) : 0);
    for (const { topic, weight } of signals.get(key) ?? []) scores[topic] = (scores[topic] ?? 0) + weight * evidence;
  }
  const text = ` ${titleStems.join(' ')} ${abstractStems.join(' ')} `;
  return scores.map((score, topic) => {
    const needed = requires[topic] ?? [];
    return needed.length === 0 || mentionsAny(text, needed) ? score : 0;
  });
}

/**
 * Files a paper under one to three topics of the taxonomy, main topic first.
 *
 * The best-scoring topic (see `scoreTopics`) is the main one. Others follow, best first, when
 * they reach `taxonomy.secondaryRatio` of the main score or score `strongScore`, and pass a
 * small absolute floor. A paper
 * matching no keyword gets `taxonomy.fallbackTopic`, or the first topic. Ties go to the topic
 * listed first in the taxonomy, so the result is deterministic.
 *
 * @param paper
 *   Title and abstract.
 * @param taxonomy
 *   Topics and their keywords.
 * @returns
 *   Topic ids, main topic first.
 */
export function classifyTopics(paper: { title: string; abstract: string }, taxonomy: Taxonomy): string[] {
  const scores = scoreTopics(paper, taxonomy);
  const ranked = taxonomy.topics
    .map((topic, index) => ({ id: topic.id, score: scores[index] ?? 0, index }))
    .sort((a, b) => b.score - a.score || a.index - b.index);
  const main = ranked[0];
  if (!main || main.score <= 0) return [taxonomy.fallbackTopic ?? taxonomy.topics[0]?.id ?? ''];
  const threshold = Math.max(Math.min(main.score * taxonomy.secondaryRatio, strongScore), minSecondaryScore);
  const secondary = ranked.slice(1).filter((topic) => topic.score >= threshold);
  return [main, ...secondary].slice(0, maxTopics).map((topic) => topic.id);
}
