import { asymptoticHeads, functions } from './math-vocabulary.ts';
import { type Piece, type ScanState, charAt } from './math-scan-state.ts';
import { formula, scripts } from './math-pieces.ts';
import { joinTex } from './tex-words.ts';

/**
 * `(`...`)` after a head, a formula inside. The parentheses must hold a formula for the head to
 * count: `\mathcal{O}(\sqrt{T})` holds TeX the vocabulary lacks, and half a formula is worse than
 * none, so the whole stays text.
 */
export function call(state: ScanState, head: Piece): Piece | undefined {
  if (charAt(state, head.end) !== '(') return undefined;
  const inner = formula(state, head.end + 1, ')');
  if (!inner) return undefined;
  return scripts(state, { end: inner.end + 1, tex: joinTex(head.tex, '', `(${inner.tex})`), evidence: head.evidence || inner.evidence });
}

/**
 * A command or font piece, called if parentheses follow it. A head whose parentheses hold no
 * formula (`\mathcal{O}(\sqrt{T})`) is no formula either, rather than a formula cut short.
 */
export function maybeCalled(state: ScanState, piece: Piece): Piece | undefined {
  return charAt(state, piece.end) === '(' ? call(state, piece) : piece;
}

/**
 * `{O}(T)` from the `{` at `start`: big-O whose command (`\tilde`, `\mathcal`) was lost with its
 * backslash. Braces around a lone `O` are no English, so they are evidence, but only when a call
 * follows: `{O}` alone could be anything.
 */
export function lostBigO(state: ScanState, start: number): Piece | undefined {
  if (!/^\{[Oo]\}\(/.test(state.text.slice(start, start + 4))) return undefined;
  return call(state, { end: start + 3, tex: `{${charAt(state, start + 1)}}`, evidence: true });
}

/**
 * The head `Theta`, `O` or `log` that `word` is when a parenthesis follows it at `after`, to be
 * called; undefined if it is no such head. `Theta(` and `Omega(` are evidence; `O(`, `o(`, `exp(`
 * only with math inside, since `O(log T)` and `exp(d)` read well as written.
 */
export function namedHead(state: ScanState, word: string, after: number): Piece | undefined {
  if (charAt(state, after) !== '(' || !(asymptoticHeads.has(word) || functions.has(word))) return undefined;
  const evidence = word === 'Theta' || word === 'Omega';
  return { end: after, tex: word.length > 1 ? `\\${word}` : word, evidence };
}
