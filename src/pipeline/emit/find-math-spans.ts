import { findUrls } from '../find-urls.ts';

/**
 * A stretch of abstract text that is unambiguously math, with the TeX to render it from.
 *
 * Abstracts copied from arXiv carry the TeX of their formulas without its `$` and often without
 * its backslashes: `Theta(T^{2/3})`, `mathcal{O}(KT)`, `B_{mathrm{ex}}`, `m gg n`. A span is the
 * whole formula; its TeX is the text as written with the lost backslashes put back.
 */
export interface MathSpan {
  /** Offset of the span's first character in the text. */
  start: number;
  /** Offset just past the span. */
  end: number;
  /**
   * TeX of the span: only letters, digits, spaces, `\` commands of `mathCommands`, braces, `^`,
   * `_`, parentheses and `+ - * / = > , |` (no `=` inside braces). Never a `$`, `<`, `&`, `%`,
   * `#`, `~`, `.` other than a decimal point, quote or line break.
   */
  tex: string;
}

// The vocabulary. Only these commands are ever written into TeX, and the renderer refuses TeX
// with any other (`mathCommands`), so no listing can reach the rest of what a TeX engine knows.

const greekLetters = [
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'varepsilon', 'zeta', 'eta', 'theta', 'vartheta', 'iota', 'kappa', 'lambda', 'mu', 'nu',
  'xi', 'pi', 'varpi', 'rho', 'varrho', 'sigma', 'varsigma', 'tau', 'upsilon', 'phi', 'varphi', 'chi', 'psi', 'omega',
  'Gamma', 'Delta', 'Theta', 'Lambda', 'Xi', 'Pi', 'Sigma', 'Upsilon', 'Phi', 'Psi', 'Omega',
];
const greek = new Set(greekLetters);

// Symbols read without their backslash inside a formula (`Phicirc Psi`, `Q^{star}`). Short ones that
// an English word or a run of variables holds (`le`, `in`, `to`, `sim`) need their backslash.
const residueSymbols = [
  'star', 'ast', 'circ', 'cdot', 'times', 'infty', 'partial', 'nabla', 'ldots', 'cdots', 'leq', 'geq', 'neq', 'approx', 'propto',
  'rightarrow', 'leftarrow', 'Rightarrow', 'Leftarrow', 'leftrightarrow', 'Leftrightarrow', 'longrightarrow', 'mapsto',
];
const symbols = new Set([...residueSymbols, 'pm', 'mp', 'gg', 'll', 'le', 'ge', 'sim', 'simeq', 'equiv', 'in', 'notin', 'subset', 'subseteq', 'cup', 'cap', 'to', 'ell', 'top', 'prime']);
const residueSymbolSet = new Set(residueSymbols);
// Residue in no English word, which marks a run of commands as math even outside a formula
// (`deltageq`, `Phicirc`), unlike `star`, `times` or `partial`.
const foreignResidue = new Set(['circ', 'cdot', 'infty', 'nabla', 'ldots', 'cdots', 'leq', 'geq', 'neq', 'propto', 'mapsto', 'rightarrow', 'leftarrow', 'Rightarrow', 'Leftarrow', 'leftrightarrow', 'Leftrightarrow', 'longrightarrow']);

// Operator names TeX sets upright (`\log T`). Alone they are no evidence of math: `exp(d)` and
// `O(log T)` read well as written.
const functions = new Set(['log', 'ln', 'exp', 'sin', 'cos', 'tan', 'max', 'min', 'sup', 'inf', 'lim', 'det', 'dim', 'Pr']);

// Commands that take a formula (`\mathcal{O}`) or a word (`\mathrm{ex}`) in braces.
// (No `\frac`, `\sqrt`, `\text` or `\boldsymbol`: what Temml makes of them needs inline styles.)
const mathFonts = new Set(['mathcal', 'mathbb', 'mathbf', 'mathscr', 'mathfrak', 'mathsf']);
const textFonts = new Set(['mathrm', 'operatorname']);

/** Every command `findMathSpans` may write into TeX. */
export const mathCommands: ReadonlySet<string> = new Set([...greek, ...symbols, ...functions, ...mathFonts, ...textFonts]);

// Residue that is math wherever it stands, since no English word looks like it.
const arrows = new Set(['rightarrow', 'leftarrow', 'Rightarrow', 'Leftarrow', 'leftrightarrow', 'Leftrightarrow', 'longrightarrow', 'mapsto']);
const standaloneResidue = new Set([...greekLetters.filter((name) => name.startsWith('var')), ...arrows, 'infty']);
// Residue that is math only between two operands, `m gg n`.
const relationWords = new Set(['gg', 'll', 'leq', 'geq', 'neq']);
// Heads of asymptotic notation: `Theta(T)`, `Omega(T)`; `O(` and `o(` only with math inside.
const asymptoticHeads = new Set(['O', 'o', 'Theta', 'Omega']);

/** Characters a formula never sits next to: a span is bounded by none of them on either side. */
const glued = /[A-Za-z0-9\\_^{}$]/;
/** Nor does it start after a piece of an address or path (`www.x.org/T^{2}`, `?q=T^{2}`). */
const gluedBefore = /[A-Za-z0-9\\_^{}$/.@=?&#%~]/;
const letter = /[A-Za-z]/;
const digit = /[0-9]/;
/** A formula in an abstract is short; nothing longer than this is taken for one. */
const maxSpanLength = 300;
const maxDepth = 8;

interface Piece {
  end: number;
  tex: string;
  /** Holds something that only math has: a script, a brace, a backslash command or its residue. */
  evidence: boolean;
}

/**
 * Finds the spans of an abstract that are unambiguously math, outside its URLs.
 *
 * A span is found by what only math has: a `^` or `_` script (`T^{2/3}`, `R^d`, `L^*`, `C_Phi`), a
 * known backslash command (`\alpha`), or the residue of one that is no English word:
 * `mathcal{O}`, `mathrm{ex}`, `varepsilon`, `rightarrow`, `Theta(`, `Omega(`, `{O}(`, `deltageq`,
 * `m gg n`. It then takes in the whole formula around that: parentheses after a head
 * (`Theta(T/B_{mathrm{ex}})`, `O(varepsilon)`), and operands joined by `=`, `>`, `+`, `-`, `/` or a
 * relation (`B_{ex} = O(T^{2/3})`). A word with a script (`MHC^3`, `MP_{+}`) is an upright name
 * with that script.
 *
 * Everything else stays text: `0<delta<1`, `O(log T)`, `exp(d)`, bare Greek names (`omega`,
 * `Phi`: English words or model names as often as symbols), `{2/3}` or `{d}` alone, `\method{}`,
 * and `$x^2$` (a span never touches a `$`).
 *
 * @param text
 *   Abstract text.
 * @returns
 *   Spans in text order, none overlapping.
 */
export function findMathSpans(text: string): MathSpan[] {
  const spans: MathSpan[] = [];
  let from = 0;
  for (const url of [...findUrls(text), { start: text.length, end: text.length }]) {
    spans.push(...new Scanner(text.slice(0, url.start)).scan(from));
    from = url.end;
  }
  return spans;
}

class Scanner {
  private readonly text: string;
  private depth = 0;
  /** How many braces the formula being read is in. */
  private braces = 0;

  /** Where the text to scan starts (just past a URL, or 0): nothing before it is a formula's. */
  private from = 0;

  constructor(text: string) {
    this.text = text;
  }

  scan(from: number): MathSpan[] {
    const { text } = this;
    this.from = from;
    const spans: MathSpan[] = [];
    let position = from;
    while (position < text.length) {
      const chained = this.startsSpan(position) ? this.chain(position) : undefined;
      const span = chained ? { start: position, ...chained } : this.scriptOnly(position);
      if (span && span.evidence && this.boundedAfter(span.end) && span.end - span.start <= maxSpanLength) {
        spans.push({ start: span.start, end: span.end, tex: span.tex });
        position = span.end;
      } else {
        position += 1;
      }
    }
    return spans;
  }

  private char(position: number): string {
    return this.text[position] ?? '';
  }

  private startsSpan(position: number): boolean {
    const here = this.char(position);
    if (!(letter.test(here) || digit.test(here) || here === '\\' || here === '{')) return false;
    return position === 0 || !gluedBefore.test(this.char(position - 1));
  }

  private boundedAfter(position: number): boolean {
    return position >= this.text.length || !glued.test(this.char(position));
  }

  private word(position: number): string {
    let end = position;
    while (letter.test(this.char(end))) end += 1;
    return this.text.slice(position, end);
  }

  /** Operands joined by operators: `B_{ex} = O(T^{2/3})`, `m gg n`, `d/varepsilon`; or an arrow alone. */
  private chain(start: number): Piece | undefined {
    let piece = this.topTerm(start);
    if (!piece) return this.standaloneOperator(start);
    for (;;) {
      const joined = this.join(piece);
      if (!joined) return piece.tex.endsWith(danglingMark) ? undefined : piece;
      piece = joined;
    }
  }

  private join(left: Piece): Piece | undefined {
    const { text } = this;
    const rest = text.slice(left.end, left.end + 24);
    let operator: string | undefined;
    let length = 0;
    if (left.tex.endsWith(danglingMark)) {
      // `deltageq 1`: a relation glued to its left operand waits for its right one.
      length = rest.startsWith(' ') ? 1 : 0;
      operator = ' '.repeat(length);
    } else {
      // Spaced or not, but alike on both sides; a spaced `-` or `/` is prose (`ours - which`).
      const symbol = /^( ?)([=>+\-/])( ?)/.exec(rest);
      const word = /^ (\\?)([A-Za-z]+) /.exec(rest);
      if (symbol && symbol[1] === symbol[3] && !(symbol[1] && '-/'.includes(symbol[2]!))) {
        operator = symbol[2];
        length = symbol[0].length;
      } else if (word && (relationWords.has(word[2]!) || arrows.has(word[2]!) || (word[1] && symbols.has(word[2]!)))) {
        operator = ` \\${word[2]} `;
        length = word[0].length;
      }
    }
    if (operator === undefined) return undefined;
    const right = this.topTerm(left.end + length);
    if (!right) return undefined;
    const spacing = operator.length === 1 && operator !== ' ' && rest.startsWith(' ') ? ` ${operator} ` : operator;
    // `1/N` or `x = 2` hold no evidence of their own; a relation word (`gg`) is some.
    const evidence = left.evidence || right.evidence || operator.includes('\\');
    return { end: right.end, tex: joinTex(left.tex.replace(danglingMark, ''), spacing, right.tex), evidence };
  }

  /** `rightarrow` or `\to` between words: only the arrow is math. */
  private standaloneOperator(start: number): Piece | undefined {
    const backslash = this.char(start) === '\\';
    const name = this.word(start + (backslash ? 1 : 0));
    if (arrows.has(name) || (backslash && symbols.has(name))) return { end: start + name.length + (backslash ? 1 : 0), tex: `\\${name}`, evidence: true };
    return undefined;
  }

  /** One operand outside any formula, where a bare word is English unless proven otherwise. */
  private topTerm(start: number): Piece | undefined {
    const { text } = this;
    const here = this.char(start);
    if (here === '{') {
      // `{O}(T)`: big-O whose command (`\tilde`, `\mathcal`) was lost with its backslash.
      if (!/^\{[Oo]\}\(/.test(text.slice(start, start + 4))) return undefined;
      return this.call({ end: start + 3, tex: `{${this.char(start + 1)}}`, evidence: true });
    }
    if (here === '\\') {
      const command = this.command(start);
      if (!command) return undefined;
      const scripted = this.scripts(command);
      // A head whose parentheses hold no formula (`\mathcal{O}(\sqrt{T})`) is no formula either.
      return this.char(scripted.end) === '(' ? this.call(scripted) : scripted;
    }
    if (digit.test(here)) return this.scripts(this.number(start));
    const word = this.word(start);
    if (!word) return undefined;
    const after = start + word.length;
    const next = this.char(after);
    if ((mathFonts.has(word) || textFonts.has(word)) && next === '{') {
      const font = this.argument(word, after);
      if (!font) return undefined;
      const scripted = this.scripts(font);
      return this.char(scripted.end) === '(' ? this.call(scripted) : scripted;
    }
    if (next === '(' && (asymptoticHeads.has(word) || functions.has(word))) {
      // `Theta(` and `Omega(` are evidence; `O(`, `o(`, `exp(` only with math inside.
      const evidence = word === 'Theta' || word === 'Omega';
      return this.call({ end: after, tex: word.length > 1 ? `\\${word}` : word, evidence });
    }
    if (greek.has(word) && (next === '^' || next === '_')) return this.scripts({ end: after, tex: `\\${word}`, evidence: true });
    if (word.length === 1) return this.scripts({ end: after, tex: word, evidence: false });
    if (standaloneResidue.has(word)) return this.scripts({ end: after, tex: `\\${word}`, evidence: true });
    return this.compound(word, start);
  }

  /**
   * A word that is two or more commands run together, one of them no English word (`deltageq`,
   * `Phicirc`), or a `var` letter followed by one variable (`varepsilond`).
   */
  private compound(word: string, start: number): Piece | undefined {
    const parts = splitNames(word, (name) => greek.has(name) || residueSymbolSet.has(name), 0);
    const end = start + word.length;
    if (parts && parts.length >= 2 && parts.some((name) => foreignResidue.has(name) || name.startsWith('var'))) {
      const tex = parts.reduce((sum, name) => joinTex(sum, '', `\\${name}`), '');
      const last = parts.at(-1)!;
      // A relation last (`deltageq`) needs its right operand.
      return { end, tex: relationWords.has(last) ? tex + danglingMark : tex, evidence: true };
    }
    const variable = /^(var[a-z]+)([A-Za-z])$/.exec(word);
    if (variable && greek.has(variable[1]!)) return { end, tex: `\\${variable[1]} ${variable[2]}`, evidence: true };
    return undefined;
  }

  /** `(`...`)` after a head, a formula inside. */
  private call(head: Piece): Piece | undefined {
    if (this.char(head.end) !== '(') return undefined;
    const inner = this.formula(head.end + 1, ')');
    if (!inner) return undefined;
    return this.scripts({ end: inner.end + 1, tex: joinTex(head.tex, '', `(${inner.tex})`), evidence: head.evidence || inner.evidence });
  }

  private number(start: number): Piece {
    const match = /^[0-9]+(?:\.[0-9]+)?/.exec(this.text.slice(start, start + 40))!;
    return { end: start + match[0].length, tex: match[0], evidence: false };
  }

  /** `\name` of the vocabulary, with its braced arguments if it takes any. */
  private command(start: number): Piece | undefined {
    const name = this.word(start + 1);
    const after = start + 1 + name.length;
    if (mathFonts.has(name) || textFonts.has(name)) return this.argument(name, after);
    if (greek.has(name) || symbols.has(name) || functions.has(name)) return { end: after, tex: `\\${name}`, evidence: true };
    return undefined;
  }

  /** The braced argument of a font command, from the `{` at `start`: a formula, or a word for `\mathrm`. */
  private argument(name: string, start: number): Piece | undefined {
    if (this.char(start) !== '{') return undefined;
    if (textFonts.has(name)) {
      const match = /^\{([A-Za-z0-9][A-Za-z0-9 -]{0,30})\}/.exec(this.text.slice(start, start + 34));
      return match ? { end: start + match[0].length, tex: `\\${name}{${match[1]!.trim()}}`, evidence: true } : undefined;
    }
    const inner = this.formula(start + 1, '}');
    return inner && { end: inner.end + 1, tex: `\\${name}{${inner.tex}}`, evidence: true };
  }

  /** A `^` and a `_` script after a base, at most one of each (TeX refuses `a_b_c`). */
  private scripts(base: Piece): Piece {
    let piece = base;
    const marks = new Set<string>();
    for (;;) {
      const mark = this.char(piece.end);
      const script = marks.has(mark) ? undefined : this.script(piece.end);
      if (!script) return piece;
      marks.add(mark);
      piece = { end: script.end, tex: joinTex(piece.tex, '', script.tex), evidence: true };
    }
  }

  /**
   * One script from the `^` or `_` at `start`: a braced formula, a command, or one character as TeX
   * reads it, which must end there (`R^d`, `chi^2`, `L^*`, `C_Phi`; not `2^10` nor `x^ab`).
   */
  private script(start: number): Piece | undefined {
    const mark = this.char(start);
    if (mark !== '^' && mark !== '_') return undefined;
    const first = this.char(start + 1);
    if (first === '{') {
      const inner = this.formula(start + 2, '}');
      return inner && { end: inner.end + 1, tex: `${mark}{${inner.tex}}`, evidence: true };
    }
    if (first === '\\') {
      // A symbol (`^\star`); a function or font would need braces.
      const name = this.word(start + 2);
      return greek.has(name) || symbols.has(name) ? { end: start + 2 + name.length, tex: `${mark}\\${name}`, evidence: true } : undefined;
    }
    if (first === '*') return { end: start + 2, tex: `${mark}*`, evidence: true };
    if (digit.test(first)) return digit.test(this.char(start + 2)) ? undefined : { end: start + 2, tex: `${mark}${first}`, evidence: true };
    const word = this.word(start + 1);
    if (word.length === 1) return { end: start + 2, tex: `${mark}${word}`, evidence: true };
    if (greek.has(word)) return { end: start + 1 + word.length, tex: `${mark}\\${word}`, evidence: true };
    return undefined;
  }

  /**
   * A script after a word or a parenthesis, neither a formula by itself. A word is taken in as an
   * upright name (`MHC^3` is `\mathrm{MHC}^3`, `MP_{+}` is `\mathrm{MP}_{+}`), so that no line
   * breaks between it and its script; after a parenthesis (`(a+b)^2`) the script stands alone.
   */
  private scriptOnly(start: number): (Piece & { start: number }) | undefined {
    const mark = this.char(start);
    if ((mark !== '^' && mark !== '_') || start === 0 || start === this.from) return undefined;
    const before = this.char(start - 1);
    let base = { start, tex: '{}' };
    if (letter.test(before)) {
      let wordStart = start - 1;
      while (wordStart > this.from && letter.test(this.char(wordStart - 1))) wordStart -= 1;
      // The word must stand on its own: not `www.x.org/T^{2}`.
      if (wordStart === this.from ? wordStart > 0 : gluedBefore.test(this.char(wordStart - 1))) return undefined;
      if (start - wordStart > 30) return undefined;
      base = { start: wordStart, tex: `\\mathrm{${this.text.slice(wordStart, start)}}` };
    } else if (before !== ')' && before !== ']') {
      return undefined;
    }
    const braced = this.char(start + 1) === '{';
    // An unbraced `_` after a word is a name (`snake_case`); `^` takes a digit or `*` there.
    if (!braced && (mark === '_' || !/[0-9*]/.test(this.char(start + 1)))) return undefined;
    const script = this.script(start);
    return script && { start: base.start, end: script.end, tex: base.tex + script.tex, evidence: true };
  }

  /**
   * A formula inside parentheses or braces, up to the `close` that balances them. Inside a formula
   * short runs of letters are variables (`KT`, `ex`) and command residue reads as commands
   * (`Phicirc Psi`, `log T`).
   */
  private formula(start: number, close: ')' | '}'): Piece | undefined {
    if (this.depth >= maxDepth) return undefined;
    this.depth += 1;
    if (close === '}') this.braces += 1;
    try {
      const { text } = this;
      let tex = '';
      let evidence = close === '}';
      let position = start;
      while (position < text.length && position - start <= maxSpanLength) {
        const here = this.char(position);
        if (here === close) return tex.trim() ? { end: position, tex: tex.trim(), evidence } : undefined;
        if (here === ' ') {
          if (!tex.endsWith(' ')) tex += ' ';
          position += 1;
          continue;
        }
        // In braces (which an MDX engine without math would read as an expression) no `=`.
        if ('+-*/>,|'.includes(here) || (here === '=' && this.braces === 0)) {
          tex += here;
          position += 1;
          continue;
        }
        const term = this.innerTerm(position);
        if (!term) return undefined;
        tex = joinTex(tex, '', term.tex);
        evidence ||= term.evidence;
        position = term.end;
      }
      return undefined;
    } finally {
      this.depth -= 1;
      if (close === '}') this.braces -= 1;
    }
  }

  private innerTerm(start: number): Piece | undefined {
    const here = this.char(start);
    let base: Piece | undefined;
    if (here === '(' || here === '{') {
      const close = here === '(' ? ')' : '}';
      const inner = this.formula(start + 1, close);
      base = inner && { end: inner.end + 1, tex: `${here}${inner.tex}${close}`, evidence: inner.evidence || here === '{' };
    } else if (here === '\\') {
      base = this.command(start);
    } else if (digit.test(here)) {
      base = this.number(start);
    } else if (letter.test(here)) {
      const word = this.word(start);
      const after = start + word.length;
      if ((mathFonts.has(word) || textFonts.has(word)) && this.char(after) === '{') {
        base = this.argument(word, after);
      } else {
        const parts = splitNames(word, (name) => greek.has(name) || residueSymbolSet.has(name) || functions.has(name), 2);
        // In braces a variable is never called (`{f(x)}` would be a call to an MDX engine).
        const called = this.braces > 0 && this.char(after) === '(' && parts?.at(-1)?.length === 1;
        if (parts && !called) {
          const tex = parts.reduce((sum, name) => joinTex(sum, '', name.length > 1 ? `\\${name}` : name), '');
          base = { end: after, tex, evidence: parts.some((name) => name.length > 1 && !functions.has(name)) };
        }
      }
    }
    return base && this.scripts(base);
  }
}

/** Marks a piece that ends in a relation still waiting for its right operand. */
const danglingMark = '\u0000';

/**
 * Splits a run of letters into names (that `isName` accepts) and single letters, with the fewest
 * single letters (at most `maxLetters`), then the fewest parts; undefined when none fits.
 */
function splitNames(word: string, isName: (name: string) => boolean, maxLetters: number): string[] | undefined {
  if (word.length > 40) return undefined;
  // best[i]: best split of word.slice(i).
  const best: ({ parts: string[]; letters: number } | undefined)[] = [];
  best[word.length] = { parts: [], letters: 0 };
  for (let index = word.length - 1; index >= 0; index -= 1) {
    let choice: { parts: string[]; letters: number } | undefined;
    for (let end = index + 1; end <= word.length; end += 1) {
      const part = word.slice(index, end);
      const single = part.length === 1;
      if (!single && !isName(part)) continue;
      const rest = best[end];
      if (!rest) continue;
      const letters = rest.letters + (single && !isName(part) ? 1 : 0);
      if (letters > maxLetters) continue;
      if (!choice || letters < choice.letters || (letters === choice.letters && rest.parts.length + 1 < choice.parts.length)) {
        choice = { parts: [part, ...rest.parts], letters };
      }
    }
    best[index] = choice;
  }
  return best[0]?.parts;
}

/** Joins TeX so that a command never runs into a following letter (`\varepsilon d`, not `\varepsilond`). */
function joinTex(left: string, middle: string, right: string): string {
  const head = left + middle;
  return /\\[A-Za-z]+$/.test(head) && letter.test(right[0] ?? '') ? `${head} ${right}` : head + right;
}
