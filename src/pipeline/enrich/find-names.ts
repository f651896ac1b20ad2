/** A name found in a text by `findNames`. */
export interface FoundName {
  /** Lower-case kebab-case form, the tag it would give: `GPT-4` gives `gpt-4`, `SPaR` gives `spar`. */
  key: string;
  /**
   * How sure the shape is that this names one thing. `coined`: mixed case or letters with digits
   * (`TravelPlanner`, `LoFiT`, `GSM8K`, `GPT-4`), which ordinary words never are. `acronym`: capitals
   * only (`ADS`, `MLE`), which is as often an abbreviation of a plain phrase as a name.
   */
  shape: 'coined' | 'acronym';
}

/**
 * A token that may be a name: letters and digits, parts joined by hyphens (`Lite-LLM4Rec`, `A-LoL`),
 * digits joined by a dot (`GPT-3.5`).
 */
const tokenPattern = /(?<![\w.-])[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+|(?<=\d)\.\d+)*(?![\w-])/g;

/** An ordinary word, lower-case or capitalised: `based`, `Tuning`, `World`. */
const ordinaryPart = /^[A-Z]?[a-z]+$/;

/** A capitals-only part, with a plural `s` allowed (`LLMs`). */
const acronymPart = /^[A-Z]{2,}s?$/;

/**
 * Words that take a number without making a name: `Top-1`, `Stage-2`, `Part 3`, `Table-1`.
 */
const numberedWords = new Set(
  `appendix chapter day eq equation fig figure layer lemma level model part phase round sec section
  stage step table task theorem top type version year`.split(/\s+/),
);

/** Whether one hyphen-separated part, as written, is mixed case (`LoFiT`, `ALFWorld`), not a plural acronym. */
function isCoinedPart(part: string): boolean {
  return (/[a-z][A-Z]/.test(part) || /[A-Z]{2,}[a-z]{2,}/.test(part)) && !acronymPart.test(part);
}

/**
 * Classifies one token: ordinary words at its end are dropped (`BM25-based` is `BM25`,
 * `GPT-4-Turbo` stays whole only if the taxonomy says so: here it is `GPT-4`), and what remains
 * must have a coined part, or be capitals only.
 */
function classify(token: string): FoundName | undefined {
  const parts = token.split('-');
  while (parts.length > 1 && ordinaryPart.test(parts[parts.length - 1] ?? '')) parts.pop();
  // A plural name is the name (`LLMs`, `GNNs`, `NeuCBs`).
  const last = parts.length - 1;
  parts[last] = (parts[last] ?? '').replace(/^([A-Za-z0-9]*[A-Z])s$/, '$1');
  const name = parts.join('-');
  const letters = name.replace(/[^A-Za-z0-9]/g, '');
  // Long chains are model checkpoints (`SFR-Iterative-DPO-LLaMA-3-8B-R`), not tags anyone clicks.
  if (letters.length < 3 || parts.length > 4 || name.length > 24) return undefined;
  const key = name.toLowerCase().replace(/\./g, '-');
  if (parts.some(isCoinedPart) || (/[A-Z]/.test(name) && /\d/.test(name))) {
    // Whole-token shape: `Top-1` and `Stage-2` are a word with a number, not a name.
    const numbered = /^([A-Za-z]+)-?\d+$/.exec(name);
    if (numbered && numberedWords.has((numbered[1] ?? '').toLowerCase())) return undefined;
    return { key, shape: 'coined' };
  }
  if (parts.every((part) => acronymPart.test(part) || /^\d+$/.test(part)) && acronymPart.test(parts[0] ?? '')) {
    return { key, shape: 'acronym' };
  }
  return undefined;
}

/**
 * Finds the names a text uses: coined names of methods, models, benchmarks and datasets
 * (`TravelPlanner`, `ALFWorld`, `LoFiT`, `GSM8K`, `GPT-4`, `Llama3-70B`) and capitals-only acronyms
 * (`ADS`, `MLE`). Ordinary capitalised words are never names, so title case (`Self-Play`,
 * `Instruction-Following`) gives nothing. A name is reported once per occurrence, in text order.
 *
 * @param text
 *   Any text (a title or an abstract).
 * @returns
 *   The names, with their shape.
 */
export function findNames(text: string): FoundName[] {
  const names: FoundName[] = [];
  for (const [token] of text.matchAll(tokenPattern)) {
    // Fast path: a name has a capital, and another one or a digit after its first letter.
    if (!/.[A-Z0-9]/.test(token) || !/[A-Z]/.test(token)) continue;
    const name = classify(token);
    if (name) names.push(name);
  }
  return names;
}
