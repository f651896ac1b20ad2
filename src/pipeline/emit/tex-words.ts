/**
 * Splits a run of letters into names (that `isName` accepts) and single letters, with the fewest
 * single letters (at most `maxLetters`), then the fewest parts; undefined when none fits.
 *
 * Abstracts lose the backslashes and spaces between commands (`deltageq`, `Phicirc`, `KT`), so a
 * run of letters has to be read back as the commands and variables it was written as; preferring
 * names over letters keeps `varepsilon` from becoming `v a r ...`, and the cap on single letters
 * keeps an English word from passing for a product of variables.
 */
export function splitNames(word: string, isName: (name: string) => boolean, maxLetters: number): string[] | undefined {
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

/**
 * Joins TeX so that a command never runs into a following letter (`\varepsilon d`, not `\varepsilond`).
 *
 * TeX reads a command name up to the first non-letter, so without the space the pieces would fuse
 * into one unknown command, which the renderer refuses.
 */
export function joinTex(left: string, middle: string, right: string): string {
  const head = left + middle;
  return /\\[A-Za-z]+$/.test(head) && /^[A-Za-z]/.test(right) ? `${head} ${right}` : head + right;
}
