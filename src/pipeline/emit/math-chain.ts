import { arrows, relationWords, symbols } from './math-vocabulary.ts';
import { type Piece, type ScanState, charAt, wordAt, danglingMark } from './math-scan-state.ts';
import { operand } from './math-operands.ts';
import { joinTex } from './tex-words.ts';

/**
 * Operands joined by operators from `start`: `B_{ex} = O(T^{2/3})`, `m gg n`, `d/varepsilon`; or
 * an arrow alone. The chain is read as far as it goes so that a span is the whole formula, not
 * the one piece of it that gave it away; one that ends on a relation still waiting for its right
 * operand (`deltageq` then prose) is no formula at all.
 */
export function chain(state: ScanState, start: number): Piece | undefined {
  let piece = operand(state, start);
  if (!piece) return standaloneOperator(state, start);
  for (;;) {
    const joined = join(state, piece);
    if (!joined) return piece.tex.endsWith(danglingMark) ? undefined : piece;
    piece = joined;
  }
}

/**
 * The operator after `left` and the operand after that, or undefined. An operator must look alike
 * on both sides, spaced or not, and a spaced `-` or `/` is prose (`ours - which`), so that a dash
 * or a slash between words never joins them into a formula.
 */
function join(state: ScanState, left: Piece): Piece | undefined {
  const rest = state.text.slice(left.end, left.end + 24);
  const found = operator(left, rest);
  if (!found) return undefined;
  const right = operand(state, left.end + found.length);
  if (!right) return undefined;
  const { symbol } = found;
  const spacing = symbol.length === 1 && symbol !== ' ' && rest.startsWith(' ') ? ` ${symbol} ` : symbol;
  // `1/N` or `x = 2` hold no evidence of their own; a relation word (`gg`) is some.
  const evidence = left.evidence || right.evidence || symbol.includes('\\');
  return { end: right.end, tex: joinTex(left.tex.replace(danglingMark, ''), spacing, right.tex), evidence };
}

/**
 * The operator at the start of `rest`, just after `left`: its TeX and how many characters of the
 * text it takes. A relation word (`gg`, `rightarrow`, `\in`) is only one between spaces, since
 * glued to letters it is part of a word.
 */
function operator(left: Piece, rest: string): { symbol: string; length: number } | undefined {
  if (left.tex.endsWith(danglingMark)) {
    // `deltageq 1`: a relation glued to its left operand waits for its right one.
    const length = rest.startsWith(' ') ? 1 : 0;
    return { symbol: ' '.repeat(length), length };
  }
  const symbol = /^( ?)([=>+\-/])( ?)/.exec(rest);
  if (symbol && symbol[1] === symbol[3] && !(symbol[1] && '-/'.includes(symbol[2]!))) return { symbol: symbol[2]!, length: symbol[0].length };
  const word = /^ (\\?)([A-Za-z]+) /.exec(rest);
  if (word && (relationWords.has(word[2]!) || arrows.has(word[2]!) || (word[1] && symbols.has(word[2]!)))) {
    return { symbol: ` \\${word[2]} `, length: word[0].length };
  }
  return undefined;
}

/**
 * `rightarrow` or `\to` between words: only the arrow is math. An arrow is math wherever it stands,
 * so it is a span even when no operand can be read on either side of it.
 */
function standaloneOperator(state: ScanState, start: number): Piece | undefined {
  const backslash = charAt(state, start) === '\\';
  const name = wordAt(state, start + (backslash ? 1 : 0));
  if (arrows.has(name) || (backslash && symbols.has(name))) return { end: start + name.length + (backslash ? 1 : 0), tex: `\\${name}`, evidence: true };
  return undefined;
}
