import { tagIdOf } from '../../schema/taxonomy.ts';
import { withoutUrls } from './split-words.ts';

/** What may join the words of a tag as papers write it: a hyphen or a space; a dot between digits (`GPT-3.5`). */
const joint = String.raw`(?:[\-\u2010\u2011 ]|(?<=\d)\.(?=\d))`;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * How a tag id may be written: its words in any case, joined by a hyphen or a space, the last one
 * singular or plural (`llm` in "LLMs", `offline-rl` in "offline RL"), never inside a longer word
 * or compound (`world-models` is not in "real-world models").
 */
function spellingPattern(id: string): RegExp {
  const words = id.split('-').map(escapeRegExp);
  const last = words.pop() ?? '';
  const plural = last.length > 2 && last.endsWith('s') ? `${last.slice(0, -1)}s?` : `${last}s?`;
  return new RegExp(String.raw`(?<![\p{L}\p{N}.\-\u2010\u2011])${[...words, plural].join(joint)}(?![\p{L}\p{N}])`, 'giuy');
}

/**
 * The written occurrences of a tag in a text: `pattern` (sticky) tried only where the lower-cased
 * text has the tag's first word, which is an order of magnitude faster than scanning every
 * character with it. Where lower-casing changes the text's length, offsets would not line up, so
 * the whole text is scanned.
 */
function* occurrences(text: string, lower: string, id: string, pattern: RegExp): Generator<RegExpExecArray> {
  if (lower.length !== text.length) {
    yield* text.matchAll(new RegExp(pattern.source, 'giu'));
    return;
  }
  // The pattern's literal start: the first word, less the plural `s` when it is also the last.
  const first = id.includes('-') ? id.slice(0, id.indexOf('-')) : id.length > 2 && id.endsWith('s') ? id.slice(0, -1) : id;
  let at = lower.indexOf(first);
  while (at !== -1) {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (match) yield match;
    // Like `matchAll`, the next match starts after this one.
    at = lower.indexOf(first, match ? at + match[0].length : at + 1);
  }
}

/** A capitalised ordinary word (`Offline`, `Learning`): in a title or at a sentence start, that says nothing. */
const capitalised = /^\p{Lu}\p{Ll}+$/u;

/**
 * One written occurrence of a tag as the name it would give: each word of the id with the case it
 * is written in, the id's number (`LLMs` gives `LLM` for `llm`), and a dot kept between digits.
 * Capitalised ordinary words count as lower case where case says nothing (titles, sentence starts)
 * and in tags of several words, where they are mostly title case ("In-Context Learning (ICL)").
 */
function spellingOf(written: string, id: string, caseKnown: boolean): string {
  const parts = id.split('-');
  const words = written.split(/[\-\u2010\u2011 .]/);
  const joints = written.match(/[\-\u2010\u2011 .]/g) ?? [];
  return parts
    .map((part, index) => {
      const word = words[index] ?? part;
      const lower = word.toLowerCase();
      let cased = lower === part ? word : lower === `${part}s` ? word.slice(0, -1) : `${lower}s` === part ? `${word}s` : part;
      if (capitalised.test(cased) && (!caseKnown || parts.length > 1)) cased = cased.toLowerCase();
      return index === 0 ? cased : `${joints[index - 1] === '.' ? '.' : '-'}${cased}`;
    })
    .join('');
}

/** Whether the text before a match ends a sentence, or is nothing but an opening quote or bracket. */
function atSentenceStart(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 8), index);
  if (index === before.length && /^[\s"'\u201C\u2018([]*$/.test(before)) return true;
  return /[.!?]["'\u201D\u2019)\]]*\s+["'\u201C\u2018([]*$/.test(before);
}

/**
 * Names every tag of a listing one way, the same on every paper: the taxonomy's name for it if it
 * has one, else the spelling the papers with the tag use most (`RLHF`, `LoRA`, `GPT-3.5`,
 * `offline-RL`), ties going to the id, then to the first in code-point order. Only tags whose name
 * differs from their id are listed: most key phrases and terms read as their id.
 *
 * @param papers
 *   The whole listing, in order.
 * @param tags
 *   Tag ids of each paper, in the same order (see `extractTags`).
 * @param preferred
 *   Tag id -> the taxonomy's name (each spells its id, which the taxonomy schema checks).
 * @returns
 *   Tag id -> name, sorted by id, for the tags of `tags` whose name is not their id.
 */
export function nameTags(
  papers: readonly { title: string; abstract: string }[],
  tags: readonly (readonly string[])[],
  preferred: ReadonlyMap<string, string>,
): Map<string, string> {
  const votes = new Map<string, Map<string, number>>();
  const patterns = new Map<string, RegExp>();
  papers.forEach((paper, index) => {
    const own = (tags[index] ?? []).filter((tag) => !preferred.has(tag));
    if (own.length === 0) return;
    const abstract = withoutUrls(paper.abstract);
    const texts = [[paper.title, paper.title.toLowerCase(), true], [abstract, abstract.toLowerCase(), false]] as const;
    for (const tag of own) {
      let pattern = patterns.get(tag);
      if (!pattern) {
        pattern = spellingPattern(tag);
        patterns.set(tag, pattern);
      }
      const tally = votes.get(tag) ?? new Map<string, number>();
      votes.set(tag, tally);
      for (const [text, lower, isTitle] of texts) {
        for (const match of occurrences(text, lower, tag, pattern)) {
          const spelling = spellingOf(match[0], tag, !isTitle && !atSentenceStart(text, match.index));
          tally.set(spelling, (tally.get(spelling) ?? 0) + 1);
        }
      }
    }
  });
  const names = new Map<string, string>();
  for (const tag of [...new Set(tags.flat())].sort()) {
    let name = preferred.get(tag);
    if (name === undefined) {
      let best = tag;
      let bestCount = 0;
      for (const [spelling, count] of votes.get(tag) ?? []) {
        const better = count > bestCount || (count === bestCount && best !== tag && (spelling === tag || spelling < best));
        if (better && tagIdOf(spelling) === tag) {
          best = spelling;
          bestCount = count;
        }
      }
      name = best;
    }
    if (name !== tag) names.set(tag, name);
  }
  return names;
}
