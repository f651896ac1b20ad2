/**
 * Deterministic synthetic listings in the Hugging Face Papers format that papershelf reads, for
 * benchmarks at sizes no real listing in the repository reaches.
 */
import { createRandom, deriveSeed, type Random } from './random.ts';
import {
  adjectives, applications, codeHosts, mechanisms, metrics, nameRoots, problems, suffixes, syllables, topicWords, verbs,
  type TopicWords,
} from './vocabulary.ts';

export interface SyntheticListingOptions {
  /** Number of papers. */
  papers: number;
  /** Same seed, same listing (default 1). */
  seed?: number;
  /** Papers per date section (default 50, about one day of a busy listing). */
  sectionSize?: number;
}

/** Page chrome of the real listing, which the parser must skip. */
const boilerplate = ['new', 'Get trending papers in your email inbox!', 'Subscribe', 'byAK and the research community'];

// How often each topic is a paper's main topic: LLM-era topics dominate, as in real listings.
const topicFrequency: Readonly<Record<string, number>> = {
  'reinforcement-learning': 3, alignment: 3, 'imitation-learning': 1, 'continual-learning': 1, 'active-learning': 1,
  'in-context-learning': 1, 'federated-learning': 1, 'bandits-online-learning': 1, 'llm-agents': 3, 'efficient-llms': 3,
  'recommender-systems': 1, multimodal: 3, interpretability: 2, 'learning-theory': 1, 'transfer-few-shot': 2, reasoning: 3,
};
const weightedTopics = Object.entries(topicFrequency).flatMap(([id, weight]) => Array<string>(weight).fill(id));

// Topics whose abstracts state bounds in TeX-like notation, braces and backslashes included, as real ones do.
const theoryTopics = new Set(['learning-theory', 'bandits-online-learning', 'reinforcement-learning']);
const bounds = ['O(\\sqrt{T})', 'O(d\\sqrt{T \\log T})', '\\tilde{O}(T^{2/3})', 'O(1/\\epsilon^2)', 'Theta(\\log n)', 'O(H^2 \\sqrt{SAK})'];
const conditions = ['the data are non-stationary', 'feedback is sparse', 'the test distribution differs from training', 'labels are scarce', 'compute is limited', 'the horizon is long', 'clients hold heterogeneous data', 'the reward model is imperfect'];
const requirements = ['access to expert actions', 'a separate reward model', 'labeled target data', 'full fine-tuning', 'synchronized clients', 'hand-crafted prompts', 'knowledge of the horizon', 'additional human annotation'];
const smallWords = new Set(['a', 'an', 'the', 'of', 'for', 'with', 'in', 'on', 'via', 'and', 'to', 'from', 'is', 'through']);
// Words that can spell out an acronym ("Adaptive Discount Scheduling"): the content words of the shared banks.
const expansionWords = [...new Set([...adjectives, ...mechanisms].flatMap((phrase) => phrase.split(/[\s-]+/)))].filter((word) => /^[a-z]{4,}$/.test(word) && !['free', 'play', 'with'].includes(word));
const monthLabels = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Generates a listing: boilerplate lines, then date sections (`Mar 14`, one day later each), each
 * holding `sectionSize` papers as a title line, a blank line, a one-line abstract and a blank line.
 *
 * Titles have 6 to 16 words and abstracts 120 to 250. Every paper is drawn from its own seeded
 * stream, so a listing of `n + sectionSize` papers is the listing of `n` papers (with `n` a multiple
 * of `sectionSize`) plus one more date section: the "one more day" case of an incremental build.
 * Section labels carry the year (`Mar 1, 2023`), so each section is a day of its own. Titles are
 * distinct: a paper whose title an earlier one has is drawn again from its own stream.
 *
 * @param options
 *   Size, seed and section size.
 * @returns
 *   The listing text, ending with a newline.
 */
export function createSyntheticListing(options: SyntheticListingOptions): string {
  const { papers, seed = 1, sectionSize = 50 } = options;
  if (!Number.isInteger(papers) || papers < 1) throw new RangeError(`papers must be a positive integer, got ${papers}`);
  if (!Number.isInteger(sectionSize) || sectionSize < 1) throw new RangeError(`sectionSize must be a positive integer, got ${sectionSize}`);
  const rareTerms = createRareTerms(seed);
  const lines = boilerplate.flatMap((line) => [line, '']);
  const titles = new Set<string>();
  for (let index = 0; index < papers; index += 1) {
    if (index % sectionSize === 0) lines.push(sectionLabel(index / sectionSize), '');
    const random = createRandom(deriveSeed(seed, index));
    let paper = createPaper(random, rareTerms);
    while (titles.has(paper.title)) paper = createPaper(random, rareTerms);
    titles.add(paper.title);
    lines.push(paper.title, '', paper.abstract, '');
  }
  return `${lines.join('\n')}\n`;
}

export interface SyntheticArchiveOptions {
  /** Number of daily files. */
  days: number;
  /** Papers new each day (default 35). */
  newPerDay?: number;
  /** Papers each day that were first listed in the week before (default 15). */
  returningPerDay?: number;
  /** Same seed, same archive (default 1). */
  seed?: number;
}

/** One daily listing file of a synthetic archive. */
export interface SyntheticDay {
  /** `2023-03-01.txt`: the name gives the year. */
  file: string;
  text: string;
}

/**
 * Generates an archive of daily listings as a site owner keeps one: each day's file holds the
 * day's new papers and some still trending from the week before, in a shuffled order, so a paper
 * trends for several days. Day `d` of an archive of `n` days is the same as day `d` of a longer
 * one, so the archive of `n + 1` days is the "one more day" rebuild of the archive of `n`.
 *
 * @returns
 *   Daily files, oldest first; `days * newPerDay` distinct papers.
 */
export function createSyntheticArchive(options: SyntheticArchiveOptions): SyntheticDay[] {
  const { days, newPerDay = 35, returningPerDay = 15, seed = 1 } = options;
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be a positive integer, got ${days}`);
  const rareTerms = createRareTerms(seed);
  const titles = new Set<string>();
  const papers: { title: string; abstract: string; day: number }[] = [];
  const files: SyntheticDay[] = [];
  for (let day = 0; day < days; day += 1) {
    const random = createRandom(deriveSeed(seed, -2 - day));
    const fresh = Array.from({ length: newPerDay }, (_, offset) => {
      const paperRandom = createRandom(deriveSeed(seed, day * newPerDay + offset));
      let paper = createPaper(paperRandom, rareTerms);
      while (titles.has(paper.title)) paper = createPaper(paperRandom, rareTerms);
      titles.add(paper.title);
      return { ...paper, day };
    });
    const lastWeek = papers.filter((paper) => paper.day >= day - 7);
    const returning = random.sample(lastWeek, Math.min(returningPerDay, lastWeek.length));
    papers.push(...fresh);
    const listed = random.sample([...fresh, ...returning], fresh.length + returning.length);
    const lines = boilerplate.flatMap((line) => [line, '']);
    lines.push(sectionLabel(day), '');
    for (const paper of listed) lines.push(paper.title, '', paper.abstract, '');
    const date = new Date(Date.UTC(2023, 2, 1 + day)).toISOString().slice(0, 10);
    files.push({ file: `${date}.txt`, text: `${lines.join('\n')}\n` });
  }
  return files;
}

/** `Mar 14, 2023` for the section `offset` days after 1 March 2023 (a fixed anchor keeps output stable). */
function sectionLabel(offset: number): string {
  const date = new Date(Date.UTC(2023, 2, 1 + offset));
  return `${monthLabels[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
}

/**
 * A fixed pool of coined technical words ("kalovic", "tranemority"), drawn with skewed frequency:
 * they give the index the long tail of rare terms that real abstracts have (names of phenomena,
 * chemicals, proteins, ...), so the number of distinct words grows with the listing.
 */
function createRareTerms(seed: number): readonly string[] {
  const random = createRandom(deriveSeed(seed, -1));
  const terms = new Set<string>();
  while (terms.size < 30_000) {
    const stem = Array.from({ length: random.int(2, 3) }, () => random.pick(syllables)).join('');
    terms.add(stem + random.pick(suffixes));
  }
  return [...terms];
}

interface PaperContext {
  random: Random;
  rareTerms: readonly string[];
  main: TopicWords;
  second: TopicWords;
  /** The name the paper introduces ("ADS", "FlowMix"). */
  method: string;
  /** Its expansion when the name is an acronym ("Adaptive Discount Scheduling"). */
  expansion?: string;
  theory: boolean;
}

function createPaper(random: Random, rareTerms: readonly string[]): { title: string; abstract: string } {
  const mainId = random.pick(weightedTopics);
  // Four in ten papers straddle two fields, which gives classification its second topic to find.
  const secondId = random.chance(0.4) ? random.pick(weightedTopics) : mainId;
  const naming = createMethodName(random);
  const context: PaperContext = {
    random, rareTerms, ...naming,
    main: topicOf(mainId), second: topicOf(secondId),
    theory: theoryTopics.has(mainId) || theoryTopics.has(secondId),
  };
  return { title: createTitle(context), abstract: createAbstract(context) };
}

function topicOf(id: string): TopicWords {
  const words = topicWords[id];
  if (!words) throw new Error(`no vocabulary for topic ${id}`);
  return words;
}

function createMethodName(random: Random): { method: string; expansion?: string } {
  const style = random.int(0, 3);
  if (style === 0) {
    // An acronym spelled out by its expansion, the most common way a paper names its method.
    const expansion = random.sample(expansionWords, random.int(2, 4));
    return { method: expansion.map((word) => word[0]?.toUpperCase()).join(''), expansion: expansion.map(capitalize).join(' ') };
  }
  if (style === 1) return { method: random.pick(nameRoots) + random.pick(nameRoots) };
  if (style === 2) return { method: `${random.pick(nameRoots)}-${random.int(1, 70)}B` };
  return { method: capitalize(random.pick(syllables) + random.pick(syllables)) + random.pick(nameRoots) };
}

function createTitle(context: PaperContext): string {
  const { random, main, second, method } = context;
  const phrase = random.pick(main.phrases);
  const templates = [
    () => `${method}: ${random.pick(adjectives)} ${phrase} with ${withArticle(random.pick(mechanisms))}`,
    () => `${random.pick(adjectives)} ${phrase} via ${random.pick(mechanisms)}`,
    () => `On the role of ${random.pick(problems)} in ${phrase}`,
    () => `${method}: towards ${random.pick(adjectives)} ${phrase} for ${random.pick(applications)}`,
    () => `Mitigating ${random.pick(problems)} in ${phrase} through ${random.pick(adjectives)} ${random.pick(mechanisms)}`,
    () => `When ${phrase} meets ${random.pick(second.phrases)}: ${withArticle(random.pick(mechanisms))} for ${random.pick(applications)}`,
    () => `${phrase} is secretly ${withArticle(random.pick(mechanisms))}`,
    () => `Scaling ${phrase} to ${random.pick(applications)} with ${method}`,
    () => `${method}: benchmarking ${phrase} on ${random.pick(main.datasets)}`,
  ];
  let words = random.pick(templates)().split(/\s+/);
  while (words.length < 6) words.push('in', ...random.pick(applications).split(' '));
  words = words.slice(0, 16);
  return words.map((word, index) => (index > 0 && smallWords.has(word) ? word : capitalizeWord(word))).join(' ');
}

function createAbstract(context: PaperContext): string {
  const { random } = context;
  const sentences = [random.pick(contextSentences)(context), random.pick(problemSentences)(context), proposalSentence(context)];
  // Body sentences are at most about 35 words, so stopping past a target of at most 210 stays under 250.
  const target = random.int(120, 210);
  const body = [...detailSentences, ...experimentSentences, ...(context.theory ? [boundSentence] : [])];
  while (countWords(sentences) < target) {
    const next = random.pick(body)(context);
    if (!sentences.includes(next)) sentences.push(next);
  }
  const closing = random.pick(closingSentences)(context);
  if (countWords([...sentences, closing]) <= 250) sentences.push(closing);
  return sentences.join(' ');
}

type Sentence = (context: PaperContext) => string;

const contextSentences: Sentence[] = [
  ({ random, main }) => sentence(`${random.pick(main.phrases)} has become ${withArticle(random.pick(adjectives))} paradigm for ${random.pick(applications)}, yet ${random.pick(problems)} remains a central obstacle.`),
  ({ random, main, second }) => sentence(`recent progress in ${random.pick(main.phrases)} and ${random.pick(second.phrases)} has enabled new applications in ${random.pick(applications)} and ${random.pick(applications)}.`),
  ({ random, main }) => sentence(`${random.pick(main.phrases)} is a core problem in machine learning, with applications ranging from ${random.pick(applications)} to ${random.pick(applications)}.`),
  ({ random, main, rareTerms }) => sentence(`large language models (LLMs) increasingly rely on ${random.pick(main.phrases)} to handle ${random.pickSkewed(rareTerms)} inputs in ${random.pick(applications)}.`),
];

const problemSentences: Sentence[] = [
  ({ random, main }) => {
    const [first, second] = random.sample(main.baselines, 2);
    return sentence(`however, existing methods such as ${first} and ${second} suffer from ${random.pick(problems)}, particularly when ${random.pick(conditions)}.`);
  },
  ({ random, rareTerms }) => sentence(`a key challenge is ${random.pick(problems)}, which limits ${random.pick(metrics)} in the ${random.pickSkewed(rareTerms)} regime.`),
  ({ random, main, rareTerms }) => sentence(`prior work on ${random.pick(main.phrases)} largely ignores ${random.pick(problems)} and the role of ${random.pickSkewed(rareTerms)} structure.`),
];

function proposalSentence({ random, main, method, expansion, rareTerms }: PaperContext): string {
  const name = expansion ? `${expansion} (${method})` : method;
  return random.chance(0.5)
    ? sentence(`in this paper, we propose ${name}, ${withArticle(random.pick(adjectives))} ${random.pick(mechanisms)} for ${random.pick(main.phrases)} that ${random.pick(verbs)} ${random.pick(metrics)} without additional supervision.`)
    : sentence(`we introduce ${name}, ${withArticle(random.pick(adjectives))} framework that ${random.pick(verbs)} the ${random.pickSkewed(rareTerms)} gap between training and deployment.`);
}

const detailSentences: Sentence[] = [
  ({ random, method }) => sentence(`${method} combines ${withArticle(random.pick(mechanisms))} with ${withArticle(random.pick(mechanisms))} to mitigate ${random.pick(problems)}.`),
  ({ random, main }) => sentence(`unlike ${random.pick(main.baselines)}, our approach does not require ${random.pick(requirements)}.`),
  ({ random, rareTerms, second }) => sentence(`we further introduce ${withArticle(random.pickSkewed(rareTerms))} ${random.pick(mechanisms)} that ${random.pick(verbs)} the ${random.pickSkewed(rareTerms)} component of ${random.pick(second.phrases)}.`),
  ({ random, main, rareTerms }) => sentence(`our analysis reveals that ${random.pick(main.phrases)} ${random.pick(verbs)} ${random.pick(metrics)} once the ${random.pickSkewed(rareTerms)} ratio exceeds ${random.int(2, 64)}.`),
  ({ random, second, rareTerms }) => sentence(`we also study how the ${random.pick(mechanisms)} interacts with ${random.pick(second.phrases)}, and find that ${random.pickSkewed(rareTerms)} features emerge early in training.`),
];

const experimentSentences: Sentence[] = [
  ({ random, main, second, method }) => {
    const [a, b, c] = random.sample([...new Set([...main.datasets, ...second.datasets])], 3);
    return sentence(`experiments on ${a}, ${b} and ${c} show that ${method} improves ${random.pick(metrics)} by ${percent(random)}% over ${random.pick(main.baselines)}.`);
  },
  ({ random, main, method }) => sentence(`with only ${random.int(1, 70)}B parameters, ${method} matches ${random.pick(main.baselines)} while using ${(random.int(15, 120) / 10).toFixed(1)}x less compute.`),
  ({ random, main, method }) => sentence(`on ${random.pick(main.datasets)}, ${method} reaches ${percent(random)}% ${random.pick(metrics)}, compared with ${percent(random)}% for the strongest baseline.`),
  ({ random }) => sentence(`ablations across ${random.int(3, 40)} ${random.pick(applications)} tasks confirm that the ${random.pick(mechanisms)} accounts for most of the gain.`),
];

const boundSentence: Sentence = ({ random, method }) =>
  sentence(`theoretically, we prove that ${method} attains a regret of ${random.pick(bounds)} under ${random.pick(['realizability', 'bounded rewards', 'a margin condition', 'sub-Gaussian noise'])}, matching the known lower bound up to logarithmic factors.`);

const closingSentences: Sentence[] = [
  ({ random, method }) => sentence(`code is available at https://${random.pick(codeHosts)}/${random.pick(nameRoots).toLowerCase()}-lab/${method.toLowerCase()}.`),
  ({ random, main }) => sentence(`our results suggest that ${random.pick(main.phrases)} can be made ${random.pick(adjectives)} without sacrificing ${random.pick(metrics)}.`),
  ({ random, main }) => sentence(`we release our models, data and evaluation suite to facilitate future research on ${random.pick(main.phrases)}.`),
];

function percent(random: Random): string {
  return (random.int(5, 995) / 10).toFixed(1);
}

/** `a` or `an` before a phrase, by its first letter (good enough for generated prose). */
function withArticle(phrase: string): string {
  return `${/^[aeiou]/i.test(phrase) ? 'an' : 'a'} ${phrase}`;
}

function countWords(sentences: readonly string[]): number {
  return sentences.reduce((total, text) => total + text.split(/\s+/).length, 0);
}

/** Capitalises the first letter of a sentence, leaving acronyms and names as they are. */
function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Title case for one word, hyphenated parts included ("Model-Based"). */
function capitalizeWord(word: string): string {
  return word.split('-').map(capitalize).join('-');
}
