import type { Taxonomy } from '../../schema/taxonomy.ts';
import { extractMethod } from './extract-method.ts';
import { findNames } from './find-names.ts';
import { findUrls } from '../find-urls.ts';
import { createPhraseMatcher, toPhraseKey } from './match-phrases.ts';
import { foldPlural, stem, stopWords } from './tokenize.ts';

/** Most tags per paper. */
const maxTags = 8;
/** Fewest tags a paper should have: below this, broader and passing terms fill in (never padding). */
const minTags = 3;
/** Terms mentioned once in passing are kept only while a paper has fewer tags than this. */
const maxPassing = 6;
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
  'multimodal-learning',
  'foundation-models',
  'reinforcement-learning',
  'natural-language-processing',
  'computer-vision',
]);

/** Broad tags that add nothing next to a narrower one that is not a word-for-word extension. */
const redundantWith: ReadonlyMap<string, readonly string[]> = new Map([
  ['language-models', ['llm', 'small-language-models', 'multimodal-llm', 'vision-language-models', 'llm-agents']],
  ['multimodal-learning', ['multimodal-llm', 'vision-language-models']],
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
  /** What the word may be in a key phrase (`canStart`, `canEnd`, `breaksPhrase` bits). */
  role: number[];
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

/** A word, or punctuation that ends a phrase: anything but hyphens and apostrophes inside words. */
const wordOrBreak = /([a-z0-9]+)|[.,;:!?()[\]{}"\u201C\u201D]|\s['\u2018\u2019]|['\u2018\u2019]\s|\s-+\s/g;

function splitWords(title: string, abstract: string, vocabulary: Vocabulary): Words {
  const words: Words = { word: [], folded: [], role: [], chunk: [], titleLength: 0 };
  const cache = vocabulary.words;
  let chunk = 0;
  for (const text of [title, abstract]) {
    chunk += 1;
    let broken = false;
    for (const [, word] of text.toLowerCase().matchAll(wordOrBreak)) {
      if (word === undefined) {
        broken = true;
        continue;
      }
      if (broken) {
        chunk += 1;
        broken = false;
      }
      let info = cache.get(word);
      if (info === undefined) {
        const folded = foldPlural(word);
        info = { folded, role: wordRole(vocabulary, word, folded) };
        cache.set(word, info);
      }
      words.word.push(word);
      words.folded.push(info.folded);
      words.role.push(info.role);
      words.chunk.push(chunk);
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
  /** Folded form and phrase role of each word seen so far: words repeat a lot across a listing. */
  words: Map<string, { folded: string; role: number }>;
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
    words: new Map(),
  };
}

function wordRole(vocabulary: Vocabulary, word: string, folded: string): number {
  let role: number;
  if (stopWords.has(word) || vagueWords.has(word) || vagueWords.has(folded) || word.length < 2 || /\d/.test(word)) {
    role = breaksPhrase;
  } else {
    const stopTag = vocabulary.stopTagWords.has(folded);
    role = (!stopTag || modifierStopTags.has(folded)) && !word.endsWith('ly') ? canStart : 0;
    if (!stopTag && isNounish(folded) && isNounish(word)) role |= canEnd;
  }
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

/** A parenthesised acronym: `(CFL)`, `(PETs)`. */
const acronymInParentheses = /\(([A-Z][A-Za-z0-9]*?[A-Z][A-Za-z0-9]*?)s?\)/g;

/**
 * Acronyms a paper defines as a vocabulary term, by the initials of the words before them:
 * `parameter-efficient tuning (PET)` maps `pet` to `peft`.
 */
function findAbbreviations(abstract: string, vocabulary: Vocabulary): Map<string, string> {
  const abbreviations = new Map<string, string>();
  if (!abstract.includes('(')) return abbreviations;
  for (const match of abstract.matchAll(acronymInParentheses)) {
    const acronym = match[1] ?? '';
    const letters = acronym.toLowerCase().replace(/[^a-z]/g, '');
    // The words just before it, hyphenated parts apart: `parameter-efficient tuning`.
    const words = abstract.slice(Math.max(0, match.index - 120), match.index).toLowerCase().match(/[a-z0-9]+/g) ?? [];
    const defining = words.slice(-letters.length);
    if (defining.length !== letters.length || defining.map((word) => word[0]).join('') !== letters) continue;
    const folded = defining.map(foldPlural);
    const term = vocabulary.aliasMatcher(folded).find(({ start, length }) => start === 0 && length === folded.length);
    const tag = term && vocabulary.aliasTags.get(term.key);
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
  const words = splitWords(paper.title, abstract, vocabulary);
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
    if ((key.length >= 3 || /\d/.test(key)) && !known && !vocabulary.stopTags.has(key)) {
      addCandidate(candidates, key, 'method', paper.title.includes(method));
    }
  }
  for (let start = 0; start < length - 1; start += 1) {
    const first = words.word[start] ?? '';
    const chunk = words.chunk[start];
    if (covered[start] || !((words.role[start] ?? 0) & canStart)) continue;
    const inTitle = start < words.titleLength;
    // Titles open with a gerund ("Evaluating ...", "Mitigating ..."): a verb, not a subject.
    if (inTitle && words.chunk[start - 1] !== chunk && first.endsWith('ing')) continue;
    let key = words.folded[start] ?? '';
    for (let end = start + 1; end < start + 3 && end < length; end += 1) {
      const role = words.role[end] ?? breaksPhrase;
      if (words.chunk[end] !== chunk || covered[end] || role & breaksPhrase) break;
      key = `${key}-${words.folded[end] ?? ''}`;
      if (role & canEnd) addCandidate(candidates, key, 'phrase', inTitle);
    }
  }
  return candidates;
}

/** A lower-case word as prose writes it, not part of a URL or file name (`aka.ms/orca`). */
const ordinaryWord = /(?<![\w./])[a-z]{3,}(?![\w/]|\.\w)/g;

/**
 * Everyday verbs and words that coined acronyms like to spell (`ReAd`, `RISE`, `STAR`): a small
 * listing may never write them in lower case, so `ordinaryWordTest` knows them anyway.
 */
const everydayWords = new Set(
  `act adapt add align answer ask bind blend boost bring build call care catch change check choose climb
  close count craft create cut dance dive draw dream drop echo evolve feel fetch fill find fix flow fly
  focus follow forge form fuse gain give glow grow guide heal hear help hold hope hunt join jump keep
  lead learn lift light link listen live look make match measure mend merge mine mix move open pause
  pick plan play point prove pull push rank rate reach read reason refine reflect relax rest rise roll
  run say scale search see seek select send serve shape share shift show sing solve sort spark speak
  spin split star start stop swim take talk teach tell test think trace trust try turn unite use verify
  vote wait wake walk want watch weigh win wish work write`.split(/\s+/),
);

/**
 * A test of whether a one-word name is also an ordinary word: written in lower case somewhere in
 * the listing, up to its ending (`EVOLvE` and "evolving", `Balance` and "balanced"), or an
 * everyday word (`ReAd`).
 */
function ordinaryWordTest(papers: readonly { title: string; abstract: string }[]): (tag: string) => boolean {
  let stems: Set<string> | undefined;
  return (tag) => {
    if (!/^[a-z]+$/.test(tag)) return false;
    if (!stems) {
      const words = new Set<string>();
      for (const paper of papers) {
        for (const text of [paper.title, paper.abstract]) for (const [word] of text.matchAll(ordinaryWord)) words.add(word);
      }
      stems = new Set([...words, ...everydayWords].map(stem));
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
 *   uses (`TravelPlanner`, `ALFWorld`, `GSM8K`, `GPT-4`, see `findNames`), or an acronym that two
 *   papers share or one keeps using (`CFSL`); an acronym the paper defines as a vocabulary term
 *   folds into it ("parameter-efficient tuning (PET)" gives `peft`), and a name that is also an
 *   ordinary word (`EVOLvE`, `ReAd`) is dropped;
 * - a key phrase of two or three words that at least two papers use, at most a quarter of them, and
 *   this one in its title or twice. Phrases never run across punctuation, stop words or vocabulary
 *   terms, never contain vague words ("promising", "large"), never start or end with a stop tag
 *   (`method`, `results`), and end in a word that can be a noun.
 * Single words become tags only from the vocabulary or as names, never from frequency alone.
 *
 * Candidates are ranked by TF-IDF with boosts for the title and for the kind of tag; at most four
 * names of other work are kept, and a tag gives way to a longer one containing it
 * (`fine-tuning` to `supervised-fine-tuning`). Tags admitted because papers share them (phrases,
 * acronyms, and vocabulary terms mentioned once in passing) are kept only if another paper ends
 * up with them too, so no tag page of that kind lists a single paper. A paper left with fewer than
 * 3 tags gets back broader or passing terms it has; fewer than 3 honest tags beat padding, and the
 * enrich step warns. Output order: the paper's method, names, phrases and specific terms, then
 * broad terms (`llm`, topic ids), each by score. Ties are broken alphabetically, so the output is
 * deterministic.
 *
 * @param papers
 *   The whole listing, in order.
 * @param taxonomy
 *   Tag vocabulary and stop tags; topic ids count as broad terms.
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
  const corpus: Corpus = { vocabulary, documentFrequency, papers: papers.length, maxDocuments, isOrdinary };
  const ranked = perPaper.map((candidates) => rankCandidates(candidates, corpus));
  // A tag admitted because papers share it must end up on another paper's page too, or its tag
  // page lists one paper. Dropping the lonely ones frees slots for others; a few rounds settle it.
  const lonely = ranked.map(() => new Set<string>());
  let tags = ranked.map((entries, index) => chooseTags(entries, lonely[index] ?? new Set()));
  for (let round = 0; round < 3; round += 1) {
    const usage = new Map<string, number>();
    for (const list of tags) for (const tag of list) usage.set(tag, (usage.get(tag) ?? 0) + 1);
    let changed = false;
    ranked.forEach((entries, index) => {
      const own = new Set(tags[index]);
      for (const { tag, shared } of entries) {
        const elsewhere = (usage.get(tag) ?? 0) - (own.has(tag) ? 1 : 0);
        if (shared && elsewhere < 1 && !lonely[index]?.has(tag)) {
          lonely[index]?.add(tag);
          changed = true;
        }
      }
    });
    if (!changed) break;
    tags = ranked.map((entries, index) => chooseTags(entries, lonely[index] ?? new Set()));
  }
  return tags;
}

interface Ranked {
  tag: string;
  kind: Kind;
  score: number;
  /** Display group: method, names, phrases and specific terms, broad terms. */
  rank: number;
  /**
   * Worth a tag only if another paper has it too: a phrase or an acronym admitted because papers
   * share it, or a term mentioned once in passing.
   */
  shared: boolean;
  /** A vocabulary term the abstract mentions once in passing ("unlike RLHF, ..."). */
  passing: boolean;
  /** A narrower candidate of the same paper contains it (`fine-tuning` in `supervised-fine-tuning`). */
  redundant: boolean;
}

interface Corpus {
  vocabulary: Vocabulary;
  documentFrequency: Map<string, number>;
  papers: number;
  maxDocuments: number;
  isOrdinary: (tag: string) => boolean;
}

/** Scores the admissible candidates of one paper, best first. */
function rankCandidates(candidates: Map<string, Candidate>, corpus: Corpus): Ranked[] {
  const ranked: Ranked[] = [];
  for (const [tag, { kind, count, inTitle, named }] of candidates) {
    const df = corpus.documentFrequency.get(tag) ?? 1;
    // A key phrase is shared with another paper but not common, and the paper dwells on it:
    // it is in the title or said twice. One passing mention is how filler gets in.
    if (kind === 'phrase' && !(df >= 2 && df <= corpus.maxDocuments && (count >= 2 || inTitle))) continue;
    // An acronym that no other paper uses and this one mentions in passing is as likely an
    // abbreviation (`LCB`, `MSE`) as a name; one it keeps using (`CFSL`) is what it is about.
    if (kind === 'acronym' && df < 2 && count < 3) continue;
    // `EVOLvE`, `ReAd`, `FIND` are names, but as tags they read as verbs.
    if ((kind === 'method' || kind === 'coined' || kind === 'acronym') && corpus.isOrdinary(tag)) continue;
    const broad = kind === 'vocabulary' && corpus.vocabulary.broad.has(tag);
    const passing = kind === 'vocabulary' && count === 1 && !inTitle && !named;
    const phraseBoost = tag.split('-').length > 2 ? kindBoost.phrase3 : kindBoost.phrase2;
    const boost = kind === 'phrase' ? phraseBoost : broad ? kindBoost.broad : kindBoost[kind];
    ranked.push({
      tag,
      kind,
      score: (1 + Math.log(count)) * Math.log(1 + corpus.papers / df) * boost * (inTitle ? titleBoost : 1),
      rank: kind === 'method' ? 0 : kind === 'coined' || named ? 1 : broad ? 3 : 2,
      shared: kind === 'phrase' || (kind === 'acronym' && count < 3) || passing,
      passing,
      redundant: false,
    });
  }
  const present = new Set(ranked.map(({ tag }) => tag));
  for (const entry of ranked) {
    const narrower = redundantWith.get(entry.tag) ?? [];
    entry.redundant = ranked.some(({ tag }) => contains(tag, entry.tag)) || narrower.some((other) => present.has(other));
  }
  return ranked.sort((a, b) => b.score - a.score || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
}

/** Picks up to `maxTags` of one paper's ranked candidates and puts them in display order. */
function chooseTags(ranked: readonly Ranked[], excluded: ReadonlySet<string>): string[] {
  const chosen: Ranked[] = [];
  let otherNames = 0;
  for (const entry of ranked) {
    if (chosen.length === maxTags) break;
    if (entry.redundant || excluded.has(entry.tag) || (entry.passing && chosen.length >= maxPassing)) continue;
    if (entry.kind === 'coined' || entry.kind === 'acronym') {
      if (otherNames === maxOtherNames) continue;
      otherNames += 1;
    }
    chosen.push(entry);
  }
  // Short of tags, a broader term that gave way to a narrower one (`active-learning` beside
  // `online-active-learning`), then a term mentioned in passing, is better than none.
  for (const entry of ranked) {
    if (chosen.length >= minTags) break;
    if (entry.redundant && !excluded.has(entry.tag)) chosen.push(entry);
  }
  for (const entry of ranked) {
    if (chosen.length >= minTags) break;
    if (entry.passing && !entry.redundant && excluded.has(entry.tag)) chosen.push(entry);
  }
  chosen.sort((a, b) => a.rank - b.rank || b.score - a.score || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  return chosen.map(({ tag }) => tag);
}
