/** A name as papers coin them: one token of letters and digits, maybe hyphenated (`Lite-LLM4Rec`, `A-LoL`). */
const nameToken = String.raw`[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*`;

// "we propose / introduce / present / develop ..." marks the sentence that names the contribution;
// the verb may come later in the sentence ("we position X as Y, and propose Z").
const introduction = /\b(?:we|this (?:paper|work)|our (?:paper|work))\b[^.]*?\b(?:propose|introduce|present|develop|design|build|create|construct|release)[sd]?\b/i;

/**
 * Looks coined: two capitals (`SPaR`, `LoFiT`, `ADS`), a capital after a lower-case letter
 * (`TempNet`), or a capital and a digit (`O3`); not a plural acronym (`LLMs`).
 */
function looksCoined(token: string): boolean {
  if (token.length < 2 || /^[A-Z]+s$/.test(token)) return false;
  return /[A-Z].*[A-Z]/.test(token) || /[a-z][A-Z]/.test(token) || (/^[A-Z]/.test(token) && /\d/.test(token));
}

/** Mixed case, so not a bare acronym such as `LLM` that papers use without coining it. */
function looksMixedCase(token: string): boolean {
  return looksCoined(token) && /[a-z]/.test(token);
}

/** Capitalised words that head titles ("Towards: ...") or sentences but are never method names. */
const notNames = new Set(['towards', 'beyond', 'rethinking', 'revisiting', 'understanding', 'position', 'survey', 'review', 'abstract', 'introduction']);

/**
 * The name before a title's colon, when it is one token: `SPaR: Self-Play ...` gives `SPaR`,
 * `Merlin:Empowering ...` gives `Merlin`. A plain capitalised word (`Orca`) counts only when the
 * abstract introduces it, so that `Grokking: ...` (a phenomenon) is left alone.
 */
function fromTitle(title: string, abstract: string): string | undefined {
  const match = new RegExp(String.raw`^(${nameToken})\s*[:!]`).exec(title.trim());
  const name = match?.[1];
  if (!name || notNames.has(name.toLowerCase())) return undefined;
  if (looksCoined(name)) return name;
  const introduced = new RegExp(String.raw`\b(?:[Ww]e\s+\w+|called|named|dubbed|namely)\s+(?:\w+\s+){0,6}?${name}\b`);
  return /^[A-Z][a-z]{2,}$/.test(name) && introduced.test(abstract) ? name : undefined;
}

/** Sentences of an abstract, split simply: a name is never split across a sentence end. */
function sentences(abstract: string): string[] {
  return abstract.split(/(?<=[.!?]["'\u201D)\]]?)\s+(?=[A-Z])/);
}

// Words showing that a parenthesised acronym names something other than the contribution:
// "a framework that models RLHF as a Markov decision process (MDP)", "the workflow of ... (RLHF)".
const clauseWord = /\b(?:that|which|who|whose|where|when|as|to|of)\b/i;

/**
 * The name in the sentence where the paper introduces its contribution, tried in this order:
 * a name after `called`, `named`, `dubbed` or `namely` (its acronym if one follows); a coined
 * token in apposition (`we introduce SPaR, a ...`, `a new algorithm, NeuralUCB,`), or ending the
 * object (`a dynamic framework SmartSpec.`); an acronym defined right in the object
 * (`an Automatic Discount Scheduling (ADS) mechanism`).
 */
function fromAbstract(abstract: string): string | undefined {
  let before = '';
  for (const sentence of sentences(abstract)) {
    const name = fromIntroduction(sentence);
    // A name used before the introducing sentence is prior work or the problem, not the contribution.
    if (name && !new RegExp(String.raw`(?<![\w-])${escape(name)}(?![\w-])`).test(before)) return name;
    before += ` ${sentence}`;
  }
  return undefined;
}

function fromIntroduction(sentence: string): string | undefined {
  const verb = introduction.exec(sentence);
  if (!verb) return undefined;
  const rest = sentence.slice(verb.index + verb[0].length);
  const called = new RegExp(String.raw`\b(?:called|named|dubbed(?:\s+as)?|namely)\s+(${nameToken})((?:\s+${nameToken}){0,5}\s+\((${nameToken})\))?`).exec(rest);
  if (called?.[1]) {
    const acronym = called[3];
    if (acronym && looksCoined(acronym)) return acronym;
    if (looksCoined(called[1]) || /^[A-Z][a-z]{2,}$/.test(called[1])) return called[1];
  }
  const apposition = new RegExp(String.raw`^\s+(?:(?:a|an|the)\b[^,.;()]{0,60},\s*)?(${nameToken})\s*(?:[,:;(]|\.(?:\s|$)|$)`).exec(rest)?.[1];
  if (apposition && looksCoined(apposition)) return apposition;
  const headed = new RegExp(String.raw`^\s+(?:a|an|the)\s+(?:novel\s+|new\s+)?(${nameToken})\s+(?:framework|model|method|approach|algorithm|benchmark|dataset|paradigm|architecture|system|technique)\b`).exec(rest)?.[1];
  if (headed && looksCoined(headed)) return headed;
  const objectEnd = new RegExp(String.raw`^\s+(?:a|an|the)\b[^,.;()]{0,80}?\s(${nameToken})\s*(?:[,;:]|\.(?:\s|$)|$)`).exec(rest)?.[1];
  if (objectEnd && looksMixedCase(objectEnd)) return objectEnd;
  const defined = new RegExp(String.raw`^([^()]{0,100}?)\((${nameToken})\)`).exec(rest);
  if (defined?.[2] && looksCoined(defined[2]) && !clauseWord.test(defined[1] ?? '')) return defined[2];
  return undefined;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The name of the method, model, benchmark or dataset a paper introduces, where it clearly
 * introduces one. Precision comes first: an unclear case gives `undefined`.
 *
 * The title is tried first (`SPaR: Self-Play ...`, `Orca: ...` when the abstract introduces
 * Orca), then the abstract's introducing sentences (`We introduce an Automatic Discount
 * Scheduling (ADS) mechanism`, `dubbed as Learning-Accumulation-Ensemble (LAE)`).
 *
 * @param paper
 *   Title and abstract.
 * @returns
 *   The name as the paper spells it, or `undefined`.
 */
export function extractMethod(paper: { title: string; abstract: string }): string | undefined {
  return fromTitle(paper.title, paper.abstract) ?? fromAbstract(paper.abstract);
}
