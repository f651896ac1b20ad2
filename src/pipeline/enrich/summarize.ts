import { cutAtGrapheme } from '../../lib/truncate.ts';

/** Longest summary, in characters, before it is cut at a word boundary. */
const maxLength = 240;

// A period after these is not the end of a sentence, whatever follows.
const abbreviations = new Set([
  'e.g', 'i.e', 'al', 'cf', 'vs', 'viz', 'fig', 'figs', 'eq', 'eqs', 'sec', 'tab', 'ref', 'refs',
  'no', 'approx', 'resp', 'dr', 'mr', 'ms', 'prof', 'st', 'jr', 'inc', 'ltd', 'ca', 'incl', 'w.r.t',
]);

/**
 * Offset just past the first sentence of `text`: the first `.`, `!` or `?` (with any closing
 * quotes or brackets) followed by a space and a capital letter, digit or opening bracket/quote,
 * that does not end an abbreviation (`e.g.`, `et al.`, `Fig.`, `vs.`) or an initial (`J. Doe`).
 * Decimals (`0.5`) never qualify since no space follows their point.
 */
function firstSentenceEnd(text: string): number {
  const boundary = /([.!?])["'\u201D\u2019)\]]*\s+(?=[A-Z0-9"'\u201C\u2018([])/g;
  for (const match of text.matchAll(boundary)) {
    if (match[1] === '.') {
      // The word before the period; a short look back keeps a long abstract's scan linear.
      const word = /([A-Za-z][A-Za-z.]*)$/.exec(text.slice(Math.max(0, match.index - 32), match.index))?.[1] ?? '';
      if (abbreviations.has(word.toLowerCase()) || /^[A-Z]$/.test(word)) continue;
    }
    return match.index + match[0].trimEnd().length;
  }
  return text.length;
}

/**
 * The first sentence of an abstract, for cards and meta descriptions.
 *
 * Sentences are not split at abbreviations (`e.g.`, `i.e.`, `et al.`, `Fig.`, `vs.`), initials
 * or decimals. A first sentence longer than 240 characters is cut at the last word boundary that
 * fits and ends with an ellipsis.
 *
 * @param abstract
 *   The abstract as listed.
 * @returns
 *   The summary; empty for an empty abstract.
 */
export function summarize(abstract: string): string {
  const text = abstract.trim().replace(/\s+/g, ' ');
  const sentence = text.slice(0, firstSentenceEnd(text));
  if (sentence.length <= maxLength) return sentence;
  const cut = sentence.lastIndexOf(' ', maxLength);
  const head = (cut > 0 ? sentence.slice(0, cut) : cutAtGrapheme(sentence, maxLength)).replace(/[\s,;:\-\u2013\u2014(]+$/, '');
  return `${head}\u2026`;
}
