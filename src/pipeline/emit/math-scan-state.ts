/**
 * What the math scanner carries while it reads one stretch of an abstract (the text between two
 * URLs), shared by the functions that read pieces, operands, heads and spans.
 */
export interface ScanState {
  /** The abstract up to the next URL, so that no formula runs into one. */
  readonly text: string;
  /** Where the text to scan starts (just past a URL, or 0): nothing before it is a formula's. */
  readonly from: number;
  /** How deep the formula being read is nested, so that a pathological abstract cannot recurse without end. */
  depth: number;
  /** How many braces the formula being read is in, since braces forbid what parentheses allow (`=`, calls). */
  braces: number;
}

/**
 * A stretch of text read as TeX, up to `end`, from wherever its reader started. Pieces are
 * combined into bigger ones until a whole formula is read, and `evidence` travels with them so
 * that a formula is only taken when some part of it could be nothing but math.
 */
export interface Piece {
  end: number;
  tex: string;
  /** Holds something that only math has: a script, a brace, a backslash command or its residue. */
  evidence: boolean;
}

export const letter = /[A-Za-z]/;
export const digit = /[0-9]/;
/** A formula in an abstract is short; nothing longer than this is taken for one. */
export const maxSpanLength = 300;

/**
 * Marks a piece that ends in a relation still waiting for its right operand (`deltageq` before
 * ` 1`): a NUL can never be in the TeX otherwise, and a span must not close on it.
 */
export const danglingMark = '\u0000';

/** A scanner state for `text`, to be read from `from` on. */
export function scanState(text: string, from: number): ScanState {
  return { text, from, depth: 0, braces: 0 };
}

/** The character at `position`, or `''` past either end, so that lookahead needs no bounds checks. */
export function charAt(state: ScanState, position: number): string {
  return state.text[position] ?? '';
}

/** The run of letters from `position` (maybe empty): names lose their backslashes, not their letters. */
export function wordAt(state: ScanState, position: number): string {
  let end = position;
  while (letter.test(charAt(state, end))) end += 1;
  return state.text.slice(position, end);
}
