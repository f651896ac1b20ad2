import type { Taxonomy } from '../schema/taxonomy.ts';
import { extractMethod } from './extract-method.ts';
import { findNames } from './find-names.ts';
import { findUrls } from './find-urls.ts';
import { createPhraseMatcher, toPhraseKey } from './match-phrases.ts';
import { foldPlural, stem, stopWords } from './tokenize.ts';

/** Most tags per paper. */
const maxTags = 8;
/** Fewest tags a paper should have: below this, its topics fill in where they are also tags. */
const minTags = 3;
/** Most names of other work (baselines, benchmarks) per paper, so that they leave room for its subject. */
const maxOtherNames = 4;
/** A key phrase in more than this share of the papers says little about any one of them. */
const maxDocumentShare = 0.25;
/** A tag in the title is what the paper is about. */
const titleBoost = 2;
/**
 * Weights of the kinds of tag at equal TF-IDF: the paper's own method first, then names it uses,
 * then the curated vocabulary, then key phrases (longer ones are more specific). Broad vocabulary
 * (`llm`, `fine-tuning`) says least.
 */
const kindBoost = { method: 10, coined: 2.5, acronym: 2, vocabulary: 1.5, broad: 0.7, phrase2: 1.4, phrase3: 1.6 } as const;

/**
 * Vocabulary tags that name a whole area rather than a technique: they are shown last, and give
 * way to a longer tag containing them (`fine-tuning` to `supervised-fine-tuning`). Topic ids
 * count as broad too.
 */
const broadTags = new Set([
  'llm',
  'language-models',
  'neural-networks',
  'transformers',
  'fine-tuning',
  'pretraining',
  'generalization',
  'reasoning',
  'multimodal',
  'foundation-models',
  'reinforcement-learning',
  'natural-language-processing',
  'computer-vision',
]);

/** Broad tags that add nothing next to a narrower one that is not a word-for-word extension. */
const redundantWith: ReadonlyMap<string, readonly string[]> = new Map([
  ['language-models', ['llm', 'small-language-models', 'multimodal-llm', 'vision-language-models', 'llm-agents']],
  ['multimodal', ['multimodal-llm', 'vision-language-models']],
  ['reinforcement-learning', ['deep-rl', 'offline-rl', 'model-based-rl', 'meta-rl', 'multi-agent-rl', 'hierarchical-rl', 'inverse-rl']],
]);

/**
 * Words that never make part of a key phrase: academic filler, vague adjectives and verbs, and
 * formula residue. Together with the taxonomy's `stopTags` (never a phrase's first or last word),
 * they keep phrases like "shed light", "promising results" or "large amounts" out.
 */
const vagueWords = new Set(
  `access aim al alleviate alleviating analyze applications arxiv assume behaviors best bridge choose
  comparison computationally correct counter deeper define desired discover empowers et exp expensive
  favoring fewer future give global goes happen incorporate individual intuitive light load local log
  mathcal mathrm offers old order points potential presence proximity purpose random research
  respectively reveal revisit role shed solve sota style subset surprising total trade understanding
  uniformly varepsilon vs
  accurate additional adequate advanced aggregated alternative appropriate arbitrary associated
  automatic available average basic beneficial broad broader careful certain classical clear close
  common comparable competitive complete complex comprehensive considerable consistent conventional
  costly critical crucial current diverse easy efficient empirical entire essential excellent
  exceptional extra extensive fair faster final fine fixed full fundamental general generic genuine
  hard heavy huge ideal immense impressive initial inherent innovative insufficient interesting
  kind lack little long low major massive meaningful minimal moderate modern natural necessary
  notable optimal original overall poor powerful practical precise preliminary primary principled
  promising proper rapid real realistic reasonable related reliable relevant remarkable robust
  scalable short similar simpler single slight small smaller solid sophisticated special standard
  state-of-the-art straightforward strong stronger subsequent sufficient suitable superior
  systematic theoretical thorough tight traditional true typical unified unique unknown unseen
  useful valuable vast weak whole wider worse
  adapt adopt align analyse apply argue assess capture characterize compare compute conduct
  construct contain derive describe determine employ enhance ensure establish estimate evaluate
  examine exhibit exploit explore extend facilitate fail generate handle help identify illustrate
  infer investigate learn maintain measure mitigate motivate need obtain offer outperform predict
  produce prove reduce rely require retain select serve suffer suggest support tackle train utilize
  validate verify yield
  across aforementioned ahead along already alone although always anyway apart beyond de etc eg ie
  ii iii iv instead lot lots mainly merely mostly namely overall per rather thereby thus toward via
  versus whilst driven open`.split(/\s+/),
);

/** Stop tags that may still open a phrase as its modifier: "data augmentation", "reward model". */
const modifierStopTags = new Set(
  `data model task training learning code knowledge reward policy agent language text image video
  user human expert teacher student feature representation label action state world error loss weight
  parameter layer sequence token feedback class item query context domain network prompt response
  trajectory signal space architecture document word sentence noise bias value memory`.split(/\s+/),
);

/** Noun endings that look like adjectives, verbs or adverbs but are not. */
const nounExceptions = new Set(
  `signal interval retrieval rehearsal trial proposal removal tutorial material terminal reversal
  arrival logic metric topic heuristic arithmetic graphic mechanic critic clinic tactic objective
  alternative derivative representative incentive initiative speed seed feed embed bed need
  hundred`.split(/\s+/),
);

/** A word that can head a noun phrase: not an adverb, adjective, participle or verb by its ending. */
function isNounish(word: string): boolean {
  if (nounExceptions.has(word)) return true;
  return !/(?:ly|ive|ous|ful|able|ible|ic|al|ed|ize|ise|ify|less)$/.test(word);
}

/** The words of a paper as parallel arrays (a large listing has millions of words). */
interface Words {
  word: string[];
  /** The word with a plural folded: the unit of tag keys. */
  folded: string[];
  /** Index of the punctuation-delimited chunk the word is in: phrases never cross chunks. */
  chunk: number[];
  /** Words before this index are the title's. */
  titleLength: number;
}

/** The text without its URLs, whose paths would otherwise yield user names as tags. */
function withoutUrls(text: string): string {
  let result = '';
  let last = 0;
  for (const { start, end } of findUrls(text)) {
    result += `${text.slice(last, start)} . `;
    last = end;
  }
  return result + text.slice(last);
}

function splitWords(title: string, abstract: string): Words {
  const words: Words = { word: [], folded: [], chunk: [], titleLength: 0 };
  let chunk = 0;
  for (const text of [title, abstract]) {
    // Punctuation other than hyphens and apostrophes ends a phrase.
    for (const piece of text.toLowerCase().split(/[.,;:!?()[\]{}"\u201C\u201D]+|\s['\u2018\u2019]|['\u2018\u2019]\s|\s-+\s/)) {
      for (const word of piece.match(/[a-z0-9]+/g) ?? []) {
        words.word.push(word);
        words.folded.push(foldPlural(word));
        words.chunk.push(chunk);
      }
      chunk += 1;
    }
    if (text === title) words.titleLength = words.word.length;
  }
  return words;
}

/** What a word may be in a key phrase, as bits. */
const canStart = 1;
const canEnd = 2;
const breaksPhrase = 4;

interface Vocabulary {
  aliasMatcher: ReturnType<typeof createPhraseMatcher>;
  /** Alias key -> tag id. */
  aliasTags: Map<string, string>;
  /** Tag ids of the vocabulary. */
  tagIds: Set<string>;
  /** Vocabulary tags shown last (broad ones and topic ids). */
  broad: Set<string>;
  /** Keys (folded words joined by spaces) and tag ids that are never tags. */
  stopTags: Set<string>;
  /** Folded stop-tag words. */
  stopTagWords: Set<string>;
  /** Phrase role bits of each word seen so far. */
  wordRoles: Map<string, number>;
}

function buildVocabulary(taxonomy: Taxonomy): Vocabulary {
  const aliasTags = new Map<string, string>();
  const phrases: string[] = [];
  for (const tag of taxonomy.tags) {
    for (const alias of [tag.id.replace(/-/g, ' '), ...tag.aliases]) {
      const key = toPhraseKey(alias, foldPlural);
      if (!key || aliasTags.has(key)) continue;
      aliasTags.set(key, tag.id);
      phrases.push(alias);
    }
  }
  const stopKeys = taxonomy.stopTags.map((word) => toPhraseKey(word, foldPlural)).filter(Boolean);
  return {
    aliasMatcher: createPhraseMatcher(phrases, foldPlural),
    aliasTags,
    tagIds: new Set(taxonomy.tags.map((tag) => tag.id)),
    broad: new Set([...broadTags, ...taxonomy.topics.map((topic) => topic.id)]),
    stopTags: new Set([...stopKeys, ...stopKeys.map((key) => key.replace(/ /g, '-'))]),
    stopTagWords: new Set(stopKeys.filter((key) => !key.includes(' '))),
    wordRoles: new Map(),
  };
}

function wordRole(vocabulary: Vocabulary, word: string, folded: string): number {
  let role = vocabulary.wordRoles.get(word);
  if (role !== undefined) return role;
  if (stopWords.has(word) || vagueWords.has(word) || vagueWords.has(folded) || word.length < 2 || /\d/.test(word)) {
    role = breaksPhrase;
  } else {
    const stopTag = vocabulary.stopTagWords.has(folded);
    role = (!stopTag || modifierStopTags.has(folded)) && !word.endsWith('ly') ? canStart : 0;
    if (!stopTag && isNounish(folded) && isNounish(word)) role |= canEnd;
  }
  vocabulary.wordRoles.set(word, role);
  return role;
}

type Kind = 'method' | 'coined' | 'acronym' | 'vocabulary' | 'phrase';

/** A possible tag of one paper, under its tag id. */
interface Candidate {
  kind: Kind;
  count: number;
  inTitle: boolean;
  /** A vocabulary tag the paper writes as a coined name (`LoRA`, `GPT-4`): shown with the names. */
  named: boolean;
}

function addCandidate(candidates: Map<string, Candidate>, tag: string, kind: Kind, inTitle: boolean, named = false): void {
  const candidate = candidates.get(tag);
  if (!candidate) {
    candidates.set(tag, { kind, count: 1, inTitle, named });
    return;
  }
  candidate.count += 1;
  candidate.inTitle ||= inTitle;
  candidate.named ||= named;
  // The paper's own method outranks every other reading of the same key.
  if (kind === 'method' || (kind === 'coined' && candidate.kind === 'acronym')) candidate.kind = kind;
}

/** A parenthesised acronym and up to six words before it: `continual federated learning (CFL)`. */
const definitionPattern = /((?:[A-Za-z][A-Za-z0-9]*[-\s]+){1,6})\(([A-Z][A-Za-z0-9]*?[A-Z][A-Za-z0-9]*?)s?\)/g;

/**
 * Acronyms a paper defines as a vocabulary term, by the initials of the words before them:
 * `parameter-efficient tuning (PET)` maps `pet` to `peft`.
 */
function findAbbreviations(abstract: string, vocabulary: Vocabulary): Map<string, string> {
  const abbreviations = new Map<string, string>();
  if (!abstract.includes('(')) return abbreviations;
  for (const [, before = '', acronym = ''] of abstract.matchAll(definitionPattern)) {
    const letters = acronym.toLowerCase().replace(/[^a-z]/g, '');
    const words = before.toLowerCase().match(/[a-z0-9]+/g) ?? [];
    const defining = words.slice(-letters.length);
    if (defining.length !== letters.length || defining.map((word) => word[0]).join('') !== letters) continue;
    const folded = defining.map(foldPlural);
    const match = vocabulary.aliasMatcher(folded).find(({ start, length }) => start === 0 && length === folded.length);
    const tag = match && vocabulary.aliasTags.get(match.key);
    if (tag !== undefined) abbreviations.set(acronym.toLowerCase(), tag);
  }
  return abbreviations;
}

/**
 * Finds the candidate tags of one paper: vocabulary terms, the names it uses and introduces, and
 * two- or three-word phrases that look like terms.
 */
function findCandidates(paper: { title: string; abstract: string }, vocabulary: Vocabulary): Map<string, Candidate> {
  const abstract = withoutUrls(paper.abstract);
  const words = splitWords(paper.title, abstract);
  const candidates = new Map<string, Candidate>();
  const length = words.word.length;
  const covered = new Uint8Array(length);
  for (const match of vocabulary.aliasMatcher(words.folded)) {
    const tag = vocabulary.aliasTags.get(match.key);
    if (tag === undefined) continue;
    covered.fill(1, match.start, match.start + match.length);
    addCandidate(candidates, tag, 'vocabulary', match.start < words.titleLength);
  }
  const abbreviations = findAbbreviations(abstract, vocabulary);
  for (const [text, inTitle] of [[paper.title, true], [abstract, false]] as const) {
    for (const { key, shape } of findNames(text)) {
      if (vocabulary.stopTags.has(key)) continue;
      // `continual federated learning (CFL)`: the acronym is the vocabulary term.
      const abbreviated = abbreviations.get(key);
      if (abbreviated !== undefined) {
        addCandidate(candidates, abbreviated, 'vocabulary', inTitle);
        continue;
      }
      // A vocabulary term written as a name (`LoRA`, `GPT-4`, `LLM-based`) was counted above.
      const nameWords = key.split('-').map(foldPlural);
      const [match] = vocabulary.aliasMatcher(nameWords);
      if (match?.start === 0) {
        const tag = vocabulary.aliasTags.get(match.key);
        const candidate = tag === undefined ? undefined : candidates.get(tag);
        if (candidate && shape === 'coined') candidate.named = true;
        continue;
      }
      addCandidate(candidates, key, shape, inTitle);
    }
  }
  const method = extractMethod(paper);
  if (method) {
    const key = (method.toLowerCase().match(/[a-z0-9]+/g) ?? []).join('-');
    const [match] = vocabulary.aliasMatcher(key.split('-').map(foldPlural));
    const known = match?.start === 0 && match.length === key.split('-').length;
    if ((key.length >= 3 || /\d/.test(key)) && !known && !vocabulary.stopTags.has(key)) addCandidate(candidates, key, 'method', paper.title.includes(method));
  }
  for (let start = 0; start < length - 1; start += 1) {
    const first = words.word[start] ?? '';
    const chunk = words.chunk[start];
    if (covered[start] || !(wordRole(vocabulary, first, words.folded[start] ?? '') & canStart)) continue;
    const inTitle = start < words.titleLength;
    // Titles open with a gerund ("Evaluating ...", "Mitigating ..."): a verb, not a subject.
    if (inTitle && words.chunk[start - 1] !== chunk && first.endsWith('ing')) continue;
    let key = words.folded[start] ?? '';
    for (let end = start + 1; end < start + 3 && end < length; end += 1) {
      const word = words.word[end] ?? '';
      const folded = words.folded[end] ?? '';
      if (words.chunk[end] !== chunk || covered[end]) break;
      const role = wordRole(vocabulary, word, folded);
      if (role & breaksPhrase) break;
      key = `${key} ${folded}`;
      if (role & canEnd) addCandidate(candidates, key.replace(/ /g, '-'), 'phrase', inTitle);
    }
  }
  return candidates;
}

/**
 * A test of whether a one-word name is also an ordinary word of the listing: written in lower case
 * somewhere, up to its ending (`EVOLvE` and "evolving", `Balance` and "balanced").
 */
function ordinaryWordTest(papers: readonly { title: string; abstract: string }[]): (tag: string) => boolean {
  let stems: Set<string> | undefined;
  return (tag) => {
    if (!/^[a-z]+$/.test(tag)) return false;
    if (!stems) {
      const words = new Set<string>();
      for (const paper of papers) {
        for (const text of [paper.title, paper.abstract]) for (const [word] of text.matchAll(/\b[a-z]{3,}\b/g)) words.add(word);
      }
      stems = new Set([...words].map(stem));
    }
    // Porter leaves some variants apart ("modification" and "modify"): allow one more letter.
    const root = stem(tag);
    if (stems.has(root)) return true;
    return root.length >= 5 && [...'abcdefghijklmnopqrstuvwxyz'].some((letter) => stems?.has(root + letter));
  };
}

/** Whether one tag is a whole-word part of the other (`continual-learning` and `online-continual-learning`). */
function contains(longer: string, shorter: string): boolean {
  return longer !== shorter && `-${longer}-`.includes(`-${shorter}-`);
}

/**
 * Tags every paper of a listing with up to 8 kebab-case tags, most specific first.
 *
 * A tag is one of:
 * - a term of the taxonomy's tag vocabulary, which folds synonyms ("large language models" and
 *   "LLMs" give `llm`, "reinforcement learning from human feedback" gives `rlhf`);
 * - a name: the method the paper introduces (`SPaR`, `Orca`, see `extractMethod`), a coined name it
 *   uses (`TravelPlanner`, `ALFWorld`, `GSM8K`, `GPT-4`), or an acronym that two papers share;
 * - a key phrase of two or three words that at least two papers use, at most a quarter of them, and
 *   this one in its title or twice. Phrases never run across punctuation, stop words or vocabulary
 *   terms, never contain vague words ("promising", "large"), never start or end with a stop tag
 *   (`method`, `results`), and end in a word that can be a noun.
 * Single words become tags only from the vocabulary or as names, never from frequency alone.
 *
 * Candidates are ranked by TF-IDF with boosts for the title and for the kind of tag, at most four
 * names of other work are kept, and a tag gives way to a longer one containing it
 * (`fine-tuning` to `supervised-fine-tuning`). A paper left with fewer than 3 tags gets its topics
 * where they are also vocabulary tags; fewer than 3 honest tags beat padding. Output order: the
 * paper's method, names, phrases and specific terms, then broad terms (`llm`), each by score.
 * Ties are broken alphabetically, so the output is deterministic.
 *
 * @param papers
 *   The whole listing, in order.
 * @param taxonomy
 *   Tag vocabulary, stop tags and topics.
 * @returns
 *   One tag list per paper, in the same order.
 */
export function extractTags(papers: readonly { title: string; abstract: string }[], taxonomy: Taxonomy): string[][] {
  const vocabulary = buildVocabulary(taxonomy);
  const perPaper = papers.map((paper) => findCandidates(paper, vocabulary));
  const isOrdinary = ordinaryWordTest(papers);
  const documentFrequency = new Map<string, number>();
  for (const candidates of perPaper) {
    for (const key of candidates.keys()) documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1);
  }
  const maxDocuments = Math.max(2, Math.floor(papers.length * maxDocumentShare));
  return perPaper.map((candidates) => {
    const ranked: { tag: string; score: number; rank: number }[] = [];
    for (const [tag, { kind, count, inTitle, named }] of candidates) {
      const df = documentFrequency.get(tag) ?? 1;
      // A key phrase is shared with another paper but not common, and the paper dwells on it:
      // it is in the title or said twice. One passing mention is how filler gets in.
      if (kind === 'phrase' && !(df >= 2 && df <= maxDocuments && (count >= 2 || inTitle))) continue;
      // An acronym that no other paper uses and this one mentions in passing is as likely an
      // abbreviation (`LCB`, `MSE`) as a name; one it keeps using (`CFSL`) is what it is about.
      if (kind === 'acronym' && df < 2 && count < 3) continue;
      // `EVOLvE`, `ReAd`, `FIND` are names, but as tags they read as verbs.
      if ((kind === 'method' || kind === 'coined' || kind === 'acronym') && isOrdinary(tag)) continue;
      const broad = kind === 'vocabulary' && vocabulary.broad.has(tag);
      const boost =
        kind === 'phrase' ? (tag.split('-').length > 2 ? kindBoost.phrase3 : kindBoost.phrase2) : broad ? kindBoost.broad : kindBoost[kind];
      const score = (1 + Math.log(count)) * Math.log(1 + papers.length / df) * boost * (inTitle ? titleBoost : 1);
      // Display order: method, names, phrases and specific terms, broad terms.
      const rank = kind === 'method' ? 0 : kind === 'coined' || named ? 1 : broad ? 3 : 2;
      ranked.push({ tag, score, rank });
    }
    const present = new Set(ranked.map(({ tag }) => tag));
    const isRedundant = (tag: string) =>
      [...present].some((other) => contains(other, tag)) || (redundantWith.get(tag) ?? []).some((other) => present.has(other));
    const kept = ranked.filter(({ tag }) => !isRedundant(tag));
    kept.sort((a, b) => b.score - a.score || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
    const chosen: typeof kept = [];
    let otherNames = 0;
    for (const entry of kept) {
      if (chosen.length === maxTags) break;
      const kind = candidates.get(entry.tag)?.kind;
      if (kind === 'coined' || kind === 'acronym') {
        if (otherNames === maxOtherNames) continue;
        otherNames += 1;
      }
      chosen.push(entry);
    }
    // Short of tags, a broader term that gave way to a narrower one is better than none
    // (`active-learning` beside `online-active-learning`).
    if (chosen.length < minTags) {
      const broader = ranked.filter(({ tag }) => isRedundant(tag)).sort((a, b) => b.score - a.score || (a.tag < b.tag ? -1 : 1));
      chosen.push(...broader.slice(0, minTags - chosen.length));
    }
    chosen.sort((a, b) => a.rank - b.rank || b.score - a.score || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
    return chosen.map(({ tag }) => tag);
  });
}
