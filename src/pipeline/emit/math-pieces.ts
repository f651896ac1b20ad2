import { greek, symbols, functions, textFonts, residueSymbols, isFont } from './math-vocabulary.ts';
import { type Piece, type ScanState, charAt, wordAt, digit, letter, maxSpanLength } from './math-scan-state.ts';
import { splitNames, joinTex } from './tex-words.ts';

/** Formulas nest this deep at most: an abstract never needs more, and the readers recurse. */
const maxDepth = 8;

/**
 * A number, with its decimal point, from `start`: the one place a `.` may stand in TeX, since a
 * full stop elsewhere ends the sentence rather than the formula. No evidence: `1/N` is prose too.
 */
export function number(state: ScanState, start: number): Piece {
  const match = /^[0-9]+(?:\.[0-9]+)?/.exec(state.text.slice(start, start + 40))!;
  return { end: start + match[0].length, tex: match[0], evidence: false };
}

/**
 * `\name` of the vocabulary, with its braced arguments if it takes any. A command outside the
 * vocabulary (`\method{}`) is no piece, so that the renderer never meets it.
 */
export function command(state: ScanState, start: number): Piece | undefined {
  const name = wordAt(state, start + 1);
  const after = start + 1 + name.length;
  if (isFont(name)) return argument(state, name, after);
  if (greek.has(name) || symbols.has(name) || functions.has(name)) return { end: after, tex: `\\${name}`, evidence: true };
  return undefined;
}

/**
 * The braced argument of a font command, from the `{` at `start`: a formula, or a word for
 * `\mathrm`. A text font names something (`B_{mathrm{ex}}`), so only a short plain word is taken
 * for its argument; anything else in its braces is no lost `\mathrm` but text of another kind.
 */
export function argument(state: ScanState, name: string, start: number): Piece | undefined {
  if (charAt(state, start) !== '{') return undefined;
  if (textFonts.has(name)) {
    const match = /^\{([A-Za-z0-9][A-Za-z0-9 -]{0,30})\}/.exec(state.text.slice(start, start + 34));
    return match ? { end: start + match[0].length, tex: `\\${name}{${match[1]!.trim()}}`, evidence: true } : undefined;
  }
  const inner = formula(state, start + 1, '}');
  return inner && { end: inner.end + 1, tex: `\\${name}{${inner.tex}}`, evidence: true };
}

/**
 * A `^` and a `_` script after a base, at most one of each, since TeX refuses `a_b_c` and a
 * span it refuses would be shown as an error rather than as the text it was.
 */
export function scripts(state: ScanState, base: Piece): Piece {
  let piece = base;
  const marks = new Set<string>();
  for (;;) {
    const mark = charAt(state, piece.end);
    const found = marks.has(mark) ? undefined : script(state, piece.end);
    if (!found) return piece;
    marks.add(mark);
    piece = { end: found.end, tex: joinTex(piece.tex, '', found.tex), evidence: true };
  }
}

/**
 * One script from the `^` or `_` at `start`: a braced formula, a command, or one character as TeX
 * reads it, which must end there (`R^d`, `chi^2`, `L^*`, `C_Phi`; not `2^10` nor `x^ab`), since
 * TeX would script only the first character and the rendering would say something else than the text.
 */
export function script(state: ScanState, start: number): Piece | undefined {
  const mark = charAt(state, start);
  if (mark !== '^' && mark !== '_') return undefined;
  const first = charAt(state, start + 1);
  if (first === '{') {
    const inner = formula(state, start + 2, '}');
    return inner && { end: inner.end + 1, tex: `${mark}{${inner.tex}}`, evidence: true };
  }
  if (first === '\\') {
    // A symbol (`^\star`); a function or font would need braces.
    const name = wordAt(state, start + 2);
    return greek.has(name) || symbols.has(name) ? { end: start + 2 + name.length, tex: `${mark}\\${name}`, evidence: true } : undefined;
  }
  if (first === '*') return { end: start + 2, tex: `${mark}*`, evidence: true };
  if (digit.test(first)) return digit.test(charAt(state, start + 2)) ? undefined : { end: start + 2, tex: `${mark}${first}`, evidence: true };
  const word = wordAt(state, start + 1);
  if (word.length === 1) return { end: start + 2, tex: `${mark}${word}`, evidence: true };
  if (greek.has(word)) return { end: start + 1 + word.length, tex: `${mark}\\${word}`, evidence: true };
  return undefined;
}

/**
 * A formula inside parentheses or braces, up to the `close` that balances them. Inside a formula
 * short runs of letters are variables (`KT`, `ex`) and command residue reads as commands
 * (`Phicirc Psi`, `log T`): the brackets already say it is math, which a bare word outside them
 * never does. Anything that is not a piece of math ends the attempt, so prose in parentheses
 * stays prose.
 */
export function formula(state: ScanState, start: number, close: ')' | '}'): Piece | undefined {
  if (state.depth >= maxDepth) return undefined;
  state.depth += 1;
  if (close === '}') state.braces += 1;
  try {
    const { text } = state;
    let tex = '';
    let evidence = close === '}';
    let position = start;
    while (position < text.length && position - start <= maxSpanLength) {
      const here = charAt(state, position);
      if (here === close) return tex.trim() ? { end: position, tex: tex.trim(), evidence } : undefined;
      if (here === ' ') {
        if (!tex.endsWith(' ')) tex += ' ';
        position += 1;
        continue;
      }
      // In braces (which an MDX engine without math would read as an expression) no `=`.
      if ('+-*/>,|'.includes(here) || (here === '=' && state.braces === 0)) {
        tex += here;
        position += 1;
        continue;
      }
      const term = innerTerm(state, position);
      if (!term) return undefined;
      tex = joinTex(tex, '', term.tex);
      evidence ||= term.evidence;
      position = term.end;
    }
    return undefined;
  } finally {
    state.depth -= 1;
    if (close === '}') state.braces -= 1;
  }
}

/**
 * One operand inside a formula, with its scripts: a bracketed formula, a command, a number, a
 * font, or a run of letters read as names and at most two variables. Function names alone are no
 * evidence, since `(log T)` reads as well as text.
 */
function innerTerm(state: ScanState, start: number): Piece | undefined {
  const base = innerBase(state, start);
  return base && scripts(state, base);
}

function innerBase(state: ScanState, start: number): Piece | undefined {
  const here = charAt(state, start);
  if (here === '(' || here === '{') {
    const close = here === '(' ? ')' : '}';
    const inner = formula(state, start + 1, close);
    return inner && { end: inner.end + 1, tex: `${here}${inner.tex}${close}`, evidence: inner.evidence || here === '{' };
  }
  if (here === '\\') return command(state, start);
  if (digit.test(here)) return number(state, start);
  if (!letter.test(here)) return undefined;
  const word = wordAt(state, start);
  const after = start + word.length;
  if (isFont(word) && charAt(state, after) === '{') return argument(state, word, after);
  const parts = splitNames(word, (name) => greek.has(name) || residueSymbols.has(name) || functions.has(name), 2);
  // In braces a variable is never called (`{f(x)}` would be a call to an MDX engine).
  const called = state.braces > 0 && charAt(state, after) === '(' && parts?.at(-1)?.length === 1;
  if (!parts || called) return undefined;
  const tex = parts.reduce((sum, name) => joinTex(sum, '', name.length > 1 ? `\\${name}` : name), '');
  return { end: after, tex, evidence: parts.some((name) => name.length > 1 && !functions.has(name)) };
}
