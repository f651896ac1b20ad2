import { greek, residueSymbols, foreignResidue, relationWords, standaloneResidue, isFont } from './math-vocabulary.ts';
import { type Piece, type ScanState, charAt, wordAt, digit, danglingMark } from './math-scan-state.ts';
import { argument, command, number, scripts } from './math-pieces.ts';
import { call, lostBigO, maybeCalled, namedHead } from './math-heads.ts';
import { splitNames, joinTex } from './tex-words.ts';

/**
 * One operand outside any formula, from `start`, with its scripts and call. Out here a bare word is
 * English unless proven otherwise, so unlike inside brackets a word is only taken when it is a
 * head, a scripted Greek letter, a single letter, or residue no English word looks like.
 */
export function operand(state: ScanState, start: number): Piece | undefined {
  const here = charAt(state, start);
  if (here === '{') return lostBigO(state, start);
  if (here === '\\') {
    const found = command(state, start);
    return found && maybeCalled(state, scripts(state, found));
  }
  if (digit.test(here)) return scripts(state, number(state, start));
  const word = wordAt(state, start);
  if (!word) return undefined;
  const after = start + word.length;
  const next = charAt(state, after);
  if (isFont(word) && next === '{') {
    const font = argument(state, word, after);
    return font && maybeCalled(state, scripts(state, font));
  }
  const head = namedHead(state, word, after);
  if (head) return call(state, head);
  if (greek.has(word) && (next === '^' || next === '_')) return scripts(state, { end: after, tex: `\\${word}`, evidence: true });
  if (word.length === 1) return scripts(state, { end: after, tex: word, evidence: false });
  if (standaloneResidue.has(word)) return scripts(state, { end: after, tex: `\\${word}`, evidence: true });
  return compound(word, start);
}

/**
 * A word that is two or more commands run together, one of them no English word (`deltageq`,
 * `Phicirc`), or a `var` letter followed by one variable (`varepsilond`). Only residue foreign to
 * English proves the run is math: `startimes` could be a name, `deltageq` cannot.
 */
function compound(word: string, start: number): Piece | undefined {
  const parts = splitNames(word, (name) => greek.has(name) || residueSymbols.has(name), 0);
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
