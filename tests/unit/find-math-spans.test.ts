import { readFileSync } from 'node:fs';
import temml from 'temml';
import { describe, expect, it } from 'vitest';
import { findMathSpans, mathCommands } from '../../src/pipeline/emit/find-math-spans.ts';
import { readPapers } from '../../src/pipeline/generate-pages.ts';

/** Each span as [text as written, TeX]. */
function spans(text: string): [string, string][] {
  return findMathSpans(text).map((span) => [text.slice(span.start, span.end), span.tex]);
}

const root = new URL('../../', import.meta.url);

function abstractsOf(path: string) {
  return readPapers([{ file: path.split('/').at(-1)!, text: readFileSync(new URL(path, root), 'utf8') }]).papers;
}

describe('findMathSpans', () => {
  it.each([
    ['minimax regret is Theta(T^{2/3}) under', [['Theta(T^{2/3})', '\\Theta(T^{2/3})']]],
    ['it becomes Theta(T/B_{mathrm{ex}}), which', [['Theta(T/B_{mathrm{ex}})', '\\Theta(T/B_{\\mathrm{ex}})']]],
    ['a budget B_{\\mathrm{ex}} of', [['B_{\\mathrm{ex}}', 'B_{\\mathrm{ex}}']]],
    ['risk of mathcal{O}(KL^* + K) regret', [['mathcal{O}(KL^* + K)', '\\mathcal{O}(KL^* + K)']]],
    ['when B_{ex} = O(T^{2/3}), the', [['B_{ex} = O(T^{2/3})', 'B_{ex} = O(T^{2/3})']]],
    ['when m gg n and', [['m gg n', 'm \\gg n']]],
    ['C_{Phicirc Psi} > C_Psi.', [['C_{Phicirc Psi} > C_Psi', 'C_{\\Phi\\circ \\Psi} > C_\\Psi']]],
    ['For deltageq 1, we', [['deltageq 1', '\\delta\\geq 1']]],
    ['the varepsilond barrier', [['varepsilond', '\\varepsilon d']]],
    ['in poly(d/varepsilon) queries', [['d/varepsilon', 'd/\\varepsilon']]],
    ['"pre-training rightarrow downstream"', [['rightarrow', '\\rightarrow']]],
    ['maps a \\rightarrow b', [['a \\rightarrow b', 'a \\rightarrow b']]],
    ['ours \\rightarrow theirs', [['\\rightarrow', '\\rightarrow']]],
    ['the SequenceMatch-chi^2 divergence', [['chi^2', '\\chi^2']]],
    ['features in R^d that', [['R^d', 'R^d']]],
    ['a {O}(K T^{3/4}) regret', [['{O}(K T^{3/4})', '{O}(K T^{3/4})']]],
    ['(MHC^3) and MP_{+}.', [['MHC^3', '\\mathrm{MHC}^3'], ['MP_{+}', '\\mathrm{MP}_{+}']]],
    ['(a+b)^2 and f(x)_{i}', [['^2', '{}^2'], ['_{i}', '{}_{i}']]],
    ['a form of Q^{star}-approximation', [['Q^{star}', 'Q^{\\star}']]],
    ['with \\alpha and \\Phi_1', [['\\alpha', '\\alpha'], ['\\Phi_1', '\\Phi_1']]],
    ['x^{2}_{i} and e^{f(x)}', [['x^{2}_{i}', 'x^{2}_{i}']]],
    ['an open O(varepsilon and O(T^{2} and', [['varepsilon', '\\varepsilon'], ['T^{2}', 'T^{2}']]],
    ['cost T^{2} - A model and x_i leftrightarrow y_j', [['T^{2}', 'T^{2}'], ['x_i leftrightarrow y_j', 'x_i \\leftrightarrow y_j']]],
    ['x^{2}-1 and 10^{-3} and R^d-valued', [['x^{2}-1', 'x^{2}-1'], ['10^{-3}', '10^{-3}'], ['R^d', 'R^d']]],
  ] as [string, [string, string][]][])('finds the math in %j', (text, expected) => {
    expect(spans(text)).toEqual(expected);
  });

  it.each([
    // `delta` is an English word and `<` plain: it reads as written (and the site fixture keeps it).
    'for 0<delta<1 we',
    '{2/3} of the budget',
    'a term linear in the expected delay {d}, and',
    'as \\method{} does',
    '\\method{x^2}',
    'O(log T) regret, exp(d)-dependence, O(sqrt(T log T)) and O(n)',
    'omega, Phi, Psi, delta, alpha and Theta alone',
    'Phi-3 and the Delta method, beta testing, circa 2020, all we will',
    '$x$ and $x^2$ and $$y$$ and $\\alpha$',
    'snake_case and my_model and a_b_c',
    'x^ab and 2^10 and x^',
    '^_^ and _{x} and ^{2}',
    'www.example.com/T^{2} https://example.org/a_{b}?q=T^{2/3} \\url{https://x.org/C_{ex}}',
    'Theta(something long) and',
    'risk of \\mathcal{O}(\\sqrt{T}) and',
    'a 1/1000 fraction at rate 1/N',
    'approach - which we call',
    'Q*-Approximation and i.i.d. data',
    'the text{x} and mathcal{} and mathrm{a.b}',
  ])('leaves %j as text', (text) => {
    expect(spans(text)).toEqual([]);
  });

  it('keeps URLs whole, also next to a formula', () => {
    const text = 'See https://x.org/T^{2}, then T^{2}.';
    expect(spans(text)).toEqual([['T^{2}', 'T^{2}']]);
    expect(findMathSpans(text)[0]!.start).toBe(text.lastIndexOf('T^{2}'));
  });

  it('writes TeX of its own alphabet and vocabulary only', () => {
    const texts = ['Theta(T^{2/3}) B_{mathrm{ex}} \\alpha_{\\beta} mathcal{O}(x) x^{a+b} C_{(t)} m gg n', "f^{a=b} x^{'} T^{alert(1)} T^{fs(x)} T^{a.b}"];
    for (const text of texts) {
      for (const span of findMathSpans(text)) {
        expect(span.tex).toMatch(/^[A-Za-z0-9 \\{}^_()+\-*/=>,|.]+$/);
        for (const [, name] of span.tex.matchAll(/\\([A-Za-z]+)/g)) expect(mathCommands.has(name!), span.tex).toBe(true);
        // Inside braces, which an MDX engine without math would read as an expression: no `=`.
        for (const [group] of span.tex.matchAll(/\{[^{}]*\}/g)) expect(group).not.toContain('=');
      }
    }
    expect(spans(texts[1]!)).toEqual([]);
  });

  it('takes time in proportion to the text on pathological input', () => {
    const text = `${'Theta('.repeat(3000)}${'T^{'.repeat(3000)}${'mathcal{O}('.repeat(3000)}`;
    const started = performance.now();
    findMathSpans(text);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('the default listing', () => {
  const fixture = JSON.parse(readFileSync(new URL('tests/fixtures/math/default-spans.json', root), 'utf8')) as {
    listing: string;
    spans: { paper: string; text: string; tex: string; judgement: string }[];
    leftAsText: { paper: string; text: string; judgement: string }[];
  };
  const papers = abstractsOf(fixture.listing);

  it('renders exactly the spans judged in tests/fixtures/math/default-spans.json', () => {
    const found = papers.flatMap((paper) => spans(paper.abstract).map(([text, tex]) => ({ paper: paper.title, text, tex })));
    expect(found).toEqual(fixture.spans.map(({ paper, text, tex }) => ({ paper, text, tex })));
    for (const span of fixture.spans) expect(span.judgement).toMatch(/^math: /);
  });

  it('leaves the text judged not math as text', () => {
    for (const { paper, text } of fixture.leftAsText) {
      const abstract = papers.find((candidate) => candidate.title === paper)?.abstract ?? '';
      const at = abstract.indexOf(text);
      expect(at, `${paper}: ${text}`).toBeGreaterThanOrEqual(0);
      for (const span of findMathSpans(abstract)) expect(span.end <= at || span.start >= at + text.length, `${paper}: ${text}`).toBe(true);
    }
  });

  it('has every abstract with a ^{} or _{} group show math, and no mathcal{ or mathrm{ outside it', () => {
    for (const paper of papers) {
      const found = findMathSpans(paper.abstract);
      let outside = '';
      let copied = 0;
      for (const span of found) {
        outside += paper.abstract.slice(copied, span.start);
        copied = span.end;
      }
      outside += paper.abstract.slice(copied);
      expect(outside, paper.title).not.toMatch(/[\^_]\{|mathcal\{|mathrm\{/);
    }
  });

  it('gives TeX that Temml renders without error', () => {
    for (const { tex } of fixture.spans) expect(() => temml.renderToString(tex, { throwOnError: true }), tex).not.toThrow();
  });

  it.each(['tests/fixtures/site/listing.txt', 'tests/fixtures/hostile/autolinks.txt'])('finds no math in %s', (path) => {
    for (const paper of abstractsOf(path)) expect(spans(paper.abstract), paper.title).toEqual([]);
  });
});
