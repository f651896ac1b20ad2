import { type Piece, type ScanState, charAt, digit, letter, maxSpanLength } from './math-scan-state.ts';
import { chain } from './math-chain.ts';
import { script } from './math-pieces.ts';

/** Characters a formula never sits next to: a span is bounded by none of them on either side. */
const glued = /[A-Za-z0-9\\_^{}$]/;
/** Nor does it start after a piece of an address or path (`www.x.org/T^{2}`, `?q=T^{2}`). */
const gluedBefore = /[A-Za-z0-9\\_^{}$/.@=?&#%~]/;

/** A piece of text that closes as a span, from `start`. */
export type SpanPiece = Piece & { start: number };

/**
 * The span that starts at `position`, or undefined. A formula is taken only whole: it must hold
 * evidence, end where nothing glues on to it, and be short, since a formula cut out of a longer
 * word or address, or one too long for an abstract, is more likely a misreading than math.
 */
export function spanAt(state: ScanState, position: number): SpanPiece | undefined {
  const chained = startsSpan(state, position) ? chain(state, position) : undefined;
  const span = chained ? { start: position, ...chained } : scriptOnly(state, position);
  return span && span.evidence && boundedAfter(state, span.end) && span.end - span.start <= maxSpanLength ? span : undefined;
}

/**
 * Whether a formula may start at `position`: at a character one can start with, and not glued to
 * what comes before, so that no span begins inside a word, a `$...$` or an address.
 */
function startsSpan(state: ScanState, position: number): boolean {
  const here = charAt(state, position);
  if (!(letter.test(here) || digit.test(here) || here === '\\' || here === '{')) return false;
  return position === 0 || !gluedBefore.test(charAt(state, position - 1));
}

/** Whether a span may end at `position`: at the end of the text, or before nothing that glues on. */
function boundedAfter(state: ScanState, position: number): boolean {
  return position >= state.text.length || !glued.test(charAt(state, position));
}

/**
 * A script after a word or a parenthesis, neither a formula by itself. A word is taken in as an
 * upright name (`MHC^3` is `\mathrm{MHC}^3`, `MP_{+}` is `\mathrm{MP}_{+}`), so that no line
 * breaks between it and its script; after a parenthesis (`(a+b)^2`) the script stands alone.
 */
function scriptOnly(state: ScanState, start: number): SpanPiece | undefined {
  const mark = charAt(state, start);
  if ((mark !== '^' && mark !== '_') || start === 0 || start === state.from) return undefined;
  const before = charAt(state, start - 1);
  let base = { start, tex: '{}' };
  if (letter.test(before)) {
    let wordStart = start - 1;
    while (wordStart > state.from && letter.test(charAt(state, wordStart - 1))) wordStart -= 1;
    // The word must stand on its own: not `www.x.org/T^{2}`.
    if (wordStart === state.from ? wordStart > 0 : gluedBefore.test(charAt(state, wordStart - 1))) return undefined;
    if (start - wordStart > 30) return undefined;
    base = { start: wordStart, tex: `\\mathrm{${state.text.slice(wordStart, start)}}` };
  } else if (before !== ')' && before !== ']') {
    return undefined;
  }
  const braced = charAt(state, start + 1) === '{';
  // An unbraced `_` after a word is a name (`snake_case`); `^` takes a digit or `*` there.
  if (!braced && (mark === '_' || !/[0-9*]/.test(charAt(state, start + 1)))) return undefined;
  const found = script(state, start);
  return found && { start: base.start, end: found.end, tex: base.tex + found.tex, evidence: true };
}
