import { findUrls } from '../find-urls.ts';
import { scanState, type ScanState } from './math-scan-state.ts';
import { spanAt } from './math-span-bounds.ts';

export { mathCommands } from './math-vocabulary.ts';

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
    spans.push(...scan(scanState(text.slice(0, url.start), from)));
    from = url.end;
  }
  return spans;
}

/**
 * The spans of one stretch between URLs, from its start on. A span found is taken whole and the
 * scan goes on past it, so spans never overlap and the first reading of a formula wins.
 */
function scan(state: ScanState): MathSpan[] {
  const spans: MathSpan[] = [];
  let position = state.from;
  while (position < state.text.length) {
    const span = spanAt(state, position);
    if (span) {
      spans.push({ start: span.start, end: span.end, tex: span.tex });
      position = span.end;
    } else {
      position += 1;
    }
  }
  return spans;
}
