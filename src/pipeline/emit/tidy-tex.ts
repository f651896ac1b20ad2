/**
 * Makes the TeX residue that abstracts carry readable: accent commands (`Gy\"{o}rgy` -> György,
 * `Aky\"urek` -> Akyürek, `\L ojasiewicz` -> Łojasiewicz) and TeX quotes (``` ``x'' ``` -> “x”).
 *
 * Only these well-known forms are rewritten, and only when their braces balance; any other
 * backslash or brace (`\method{}`, `{2/3}`) is left exactly as written.
 *
 * @param text
 *   Abstract text.
 * @returns
 *   The same text with known TeX residue replaced.
 */
export function tidyTex(text: string): string {
  return replaceAccents(text)
    .replace(letterPattern, (whole, command: string) => letterCommands[command] ?? whole)
    .replace(/``([^`']+)''/g, '\u201C$1\u201D');
}

const combiningMarks: Record<string, string> = {
  '"': '\u0308', "'": '\u0301', '`': '\u0300', '^': '\u0302', '~': '\u0303', '=': '\u0304',
  '.': '\u0307', u: '\u0306', v: '\u030C', H: '\u030B', c: '\u0327', k: '\u0328', r: '\u030A',
};

// `{\"o}`, `\"{o}` and `\"o`. The letter-named accents (`\c`, `\v`, ...) need braces, so that
// `\varepsilon` or `\cdot` are never taken for accents.
const accentPattern = /(\{?)\\(?:(["'`^~=.])|([uvHckr])(?=\{))(\{?)([A-Za-z])/g;

function replaceAccents(text: string): string {
  let result = '';
  let copied = 0;
  for (const match of text.matchAll(accentPattern)) {
    const [whole, outer, symbol, named, inner, letter = ''] = match;
    const closing = '}'.repeat((outer ? 1 : 0) + (inner ? 1 : 0));
    const end = match.index + whole.length;
    const mark = combiningMarks[symbol ?? named ?? ''];
    if (!mark || text.slice(end, end + closing.length) !== closing) continue;
    result += text.slice(copied, match.index) + `${letter}${mark}`.normalize('NFC');
    copied = end + closing.length;
  }
  return result + text.slice(copied);
}

const letterCommands: Record<string, string> = {
  L: 'Ł', l: 'ł', O: 'Ø', o: 'ø', ss: 'ß', aa: 'å', AA: 'Å', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ',
};

// A letter command ends at a space (which TeX swallows) or at empty braces.
const letterPattern = /\\(L|l|O|o|ss|aa|AA|ae|AE|oe|OE)(?: |\{\})/g;
