import { stemmer } from 'stemmer';

/**
 * English function words plus the boilerplate verbs and adjectives of abstracts ("we propose a
 * novel ..."). They carry no topic, so TF-IDF and key-phrase extraction skip them, and they end
 * a candidate phrase.
 */
export const stopWords: ReadonlySet<string> = new Set(
  `a about above across after again against all almost along also although always am among an and
  another any are aren around as at be because been before being below between both but by can
  cannot could did do does doing done down during each either else even ever every for from
  further had has have having he her here hers him his how however i if in into is isn it its
  itself just least less many may me might more most much must my neither no nor not now of off
  often on once one only onto or other others otherwise our ours out over own per perhaps quite
  rather same several shall she should since so some such than that the their theirs them themselves
  then there therefore these they this those though through throughout thus to too toward towards
  under until up upon us very via was we well were what whatever when where whereas whether which
  while who whom whose why will with within without would yet you your
  able achieve achieved achieves achieving address addresses addressing allow allows already
  approach approaches based benefit better called challenge challenges challenging compared
  consider considered demonstrate demonstrates demonstrated design designed develop developed
  different directly due effective effectively effectiveness enable enables enabling existing
  experiment experiments experimental extensive find finding findings first focus given good great
  high higher highly important improve improved improvement improvements improves improving
  include including increase increasing introduce introduced introduces key large larger leverage
  leverages leveraging lead leads limited main make makes making method methods
  moreover new novel number numerous observe obtain paper particular particularly perform
  performance performs present presents previous prior problem problems propose proposed proposes
  provide provides recent recently remains result results second show shows shown significant
  significantly simple specific specifically strong study studies studied substantial
  successfully superior task tasks third three two use used uses using various way wide
  widely work works`.split(/\s+/),
);

// Stemming is the hot path of every pass over a large listing; words repeat a lot, so remember them.
const stemCache = new Map<string, string>();

/**
 * Reduces a lower-case word to its Porter stem, so "bandits", "learning" and "LLMs" meet
 * "bandit", "learn" and "llm".
 *
 * @param word
 *   Lower-case word.
 * @returns
 *   Its stem.
 */
export function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = stemmer(word);
    stemCache.set(word, stemmed);
  }
  return stemmed;
}

/**
 * Folds an English plural onto its singular and nothing else ("bandits" -> "bandit", "LLMs" ->
 * "llm", "classes" -> "class"; "process", "physics" stay), for matching where Porter stems would merge too much
 * ("interpretability" and "interpreted").
 *
 * @param word
 *   Lower-case word.
 * @returns
 *   The word without a plural `s`.
 */
export function foldPlural(word: string): string {
  if (word.length > 4 && word.endsWith('ies') && word !== 'series' && word !== 'species') return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(?:ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is|ics|bias|alias|atlas|canvas|lens)$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * Splits text into lower-case words: runs of ASCII letters and digits. Hyphens, slashes and
 * apostrophes separate words, so "in-context" gives `in`, `context` and "LLM's" gives `llm`, `s`.
 *
 * @param text
 *   Any text.
 * @returns
 *   The words in order, stop words included.
 */
export function toWords(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/**
 * Stems every word of a text, keeping stop words so that phrases can be matched word for word.
 *
 * @param text
 *   Any text.
 * @param normalize
 *   How to reduce each word (default: its Porter stem).
 * @returns
 *   One stem per word, in order.
 */
export function toStems(text: string, normalize: (word: string) => string = stem): string[] {
  return toWords(text).map(normalize);
}

/**
 * The content terms of a text, for bag-of-words comparisons: stemmed words without stop words,
 * bare numbers or single letters (formula residue such as `x`, `T`, `2`).
 *
 * @param text
 *   Any text.
 * @returns
 *   Stemmed content terms in order, with repetitions.
 */
export function toTerms(text: string): string[] {
  const terms: string[] = [];
  for (const word of toWords(text)) {
    if (word.length < 2 || stopWords.has(word) || /^\d+$/.test(word)) continue;
    terms.push(stem(word));
  }
  return terms;
}
