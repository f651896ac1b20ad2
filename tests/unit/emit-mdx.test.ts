import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';
import type { PhrasingContent } from 'mdast';
import { normalizeUri } from 'micromark-util-sanitize-uri';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import type { PaperInput } from '../../src/schema/paper.ts';
import { abstractToPhrasing, generatedHeader, paperToMdast, serializeMdx } from '../../src/pipeline/emit/emit-mdx.ts';
import { renderGeneratedPage } from '../../src/pipeline/emit/render-page.ts';
import { parsePage } from '../../src/loaders/parse-page.ts';

function paperWith(title: string, abstract: string): PaperInput {
  return { title, slug: 'x', listed: 'Mar 14', position: 1, listings: [{ day: 'mar-14', label: 'Mar 14', rank: 1 }], topics: ['alignment'], tags: ['a-b'], summary: abstract.slice(0, 20), abstract, code: [], related: [], source: { file: 'f.txt', line: 3 } };
}

/**
 * Emits a page and renders it exactly as the site's loader does: its frontmatter data, the text a
 * reader sees (each formula as the TeX it was rendered from), and every element and attribute of
 * the HTML.
 */
function roundTrip(paper: PaperInput) {
  const mdx = serializeMdx(paperToMdast(paper));
  const { data, html } = parsePage(mdx);
  if (html === undefined) throw new Error('the emitter wrote a page the loader does not take for a generated one');
  const tree: Root = fromHtml(html, { fragment: true });
  const elements: Element[] = [];
  visit(tree, 'element', (element: Element) => {
    elements.push(element);
  });
  const formulas = elements.filter((element) => element.tagName === 'math');
  return {
    mdx,
    html,
    data,
    text: readerText(hastToString(withFormulasAsTex(tree))),
    elements,
    formulas,
  };
}

/** The tree with each `<math>` replaced by the text of its TeX annotation. */
function withFormulasAsTex(tree: Root): Root {
  const copy = structuredClone(tree);
  visit(copy, 'element', (element: Element, index, parent) => {
    if (element.tagName !== 'math' || !parent || index === undefined) return;
    parent.children[index] = { type: 'text', value: annotationOf(element) };
    return SKIP;
  });
  return copy;
}

function annotationOf(math: Element): string {
  let tex: string | undefined;
  visit(math, 'element', (element: Element) => {
    if (element.tagName === 'annotation') tex = hastToString(element);
  });
  return tex ?? '';
}

/** Text as a reader sees it: HTML collapses runs of spaces and line breaks (but not U+00A0). */
function readerText(text: string): string {
  return text.replace(/[ \t\r\n]+/g, ' ').trim();
}

/** What a reader must see: the abstract's text with its links, exactly. */
function expectedText(abstract: string): string {
  return readerText(toString({ type: 'paragraph', children: abstractToPhrasing(abstract) }));
}

// The MathML a formula may render to, written out here rather than imported so that the test
// checks the renderer: each element with the only attributes (and values) it may carry.
const length = /^\d+(?:\.\d+)?em$/;
const mathml: Record<string, Record<string, RegExp>> = {
  math: {},
  semantics: {},
  annotation: { encoding: /^application\/x-tex$/ },
  mrow: {},
  mi: { mathvariant: /^normal$/ },
  mo: { fence: /^true$/, form: /^(?:prefix|infix|postfix)$/, stretchy: /^false$/, separator: /^true$/, lspace: length, rspace: length },
  mn: {},
  msup: {},
  msub: {},
  msubsup: {},
  mspace: { width: length },
  mpadded: { lspace: /^0$/ },
};
const temmlClasses = ['mathcal', 'mathscr', 'tml-prime', 'tml-sml-pad', 'tml-med-pad', 'tml-lrg-pad'];

/**
 * The only markup a generated page may have: paragraphs, links to http(s) addresses the emitter
 * found, and the formulas it found as MathML of a fixed set of elements and presentational
 * attributes (no `href`, `style`, `on*` or any other), each keeping its TeX as the annotation.
 */
function expectInert(result: ReturnType<typeof roundTrip>, abstract: string): void {
  const phrasing = abstractToPhrasing(abstract);
  const links = phrasing.filter((node): node is Extract<PhrasingContent, { type: 'link' }> => node.type === 'link');
  const formulas = phrasing.filter((node): node is Extract<PhrasingContent, { type: 'inlineMath' }> => node.type === 'inlineMath');
  const insideMath = new Set<Element>();
  for (const math of result.formulas) {
    visit(math, 'element', (element: Element) => {
      if (element !== math) insideMath.add(element);
    });
  }
  // A formula may sit in a `<span class="nowrap">` with the text glued to it, and nothing else.
  const wrappers = result.elements.filter((element) => element.tagName === 'span');
  for (const span of wrappers) {
    expect(span.properties, abstract).toEqual({ className: ['nowrap'] });
    expect(span.children.filter((child) => child.type === 'element').map((child) => child.tagName), abstract).toEqual(['math']);
  }
  const markup = result.elements.filter((element) => !insideMath.has(element) && element.tagName !== 'p' && element.tagName !== 'span');
  expect(markup.map((element) => element.tagName), abstract).toEqual(phrasing.flatMap((node) => (node.type === 'link' ? ['a'] : node.type === 'inlineMath' ? ['math'] : [])));
  for (const element of result.elements) {
    const names = Object.keys(element.properties);
    if (element.tagName === 'span') continue;
    if (element.tagName === 'a' || element.tagName === 'p') {
      expect(names, abstract).toEqual(element.tagName === 'a' ? ['href'] : []);
      continue;
    }
    const allowed = mathml[element.tagName];
    expect(allowed, `${abstract}: <${element.tagName}>`).toBeDefined();
    expect(element.tagName === 'math' || insideMath.has(element), abstract).toBe(true);
    for (const [name, value] of Object.entries(element.properties)) {
      if (name === 'className') expect(temmlClasses, abstract).toEqual(expect.arrayContaining(value as string[]));
      else expect(String(value), `${abstract}: <${element.tagName} ${name}>`).toMatch(allowed?.[name] ?? /(?!)/);
    }
  }
  expect(result.formulas.map(annotationOf), abstract).toEqual(formulas.map((formula) => formula.value));
  expect(result.elements.filter((element) => element.tagName === 'a').map((element) => element.properties.href), abstract).toEqual(links.map((link) => normalizeUri(link.url)));
  for (const link of links) expect(link.url, abstract).toMatch(/^https?:\/\//);
}

const hostileAbstracts = [
  'Theta(T^{2/3}) under bandit feedback, for 0<delta<1, as \\method{} does.',
  'export const x = (() => { require("fs").writeFileSync("pwned", "") })()',
  'export const a = 1',
  'import fs from "node:fs"',
  '<script>alert(1)</script> and <img src=x onerror=alert(1)> and </div>',
  '--- and "straight" quotes -- and ... stay',
  '# not a heading > not a quote - not a list 1. not ordered * no [link](x) ![img](y) `code` ~~no~~ | a | b |',
  '&amp; &#x41; &copy; \\ \\\\ \\* <!-- comment --> {/* comment */}',
  '$x^2$ and $$y$$ [^1] www.example.com user@example.com',
  '    indented and trailing backslash \\',
  // Autolink literals of Markdown engines: www., bare and upper- or mixed-case schemes, e-mail.
  'Mirror: www./<img src=x onerror="alert(1)">',
  'HTTPS://example.org/<img src=x onerror=alert(1)>',
  'HtTp://example.org/\\<script>alert(1)</script>',
  'www.example.com\\<svg onload=alert(1)>',
  'user@example.com<img src=x onerror=alert(1)>',
  'mailto:user@example.com<b>x</b>',
  '[click](javascript:alert(1)) <javascript:alert(1)> <https://example.org/\\" onclick=alert(1)>',
  'xmpp:user@example.com/<iframe src=javascript:alert(1)>',
  '&lt;img src=x onerror=alert(1)&gt; &#60;script&#62; &#x3C;b&#x3E;',
  // Formulas next to, and made of, hostile text.
  'T^{<img src=x onerror=alert(1)>} and B_{ex} = O(T^{2/3}) next to <script>alert(1)</script> and $x^2$',
  'mathcal{O}(\\href{javascript:alert(1)}{x}) and \\href{javascript:alert(1)}{x}^{2} and T^{\\style{color:red}{x}}',
  'T^{alert(1)} and T^{a.b} and x^{a=1} and T^{`x`} and C_{"x"} and Theta(T^{2/3})$ and $Theta(T)',
  'export const a = T^{2}',
  '{/* x */}^{2} and mathrm{<b>} and rightarrow <i>',
];

describe('serializeMdx', () => {
  it.each(hostileAbstracts)('keeps %j literal and inert', (abstract) => {
    const result = roundTrip(paperWith(abstract, abstract));
    expectInert(result, abstract);
    expect(result.text).toBe(expectedText(abstract));
    expect(result.data.title).toBe(abstract);
    expect(result.data.abstract).toBe(abstract);
  });

  it('writes a line-initial import or export as a character reference', () => {
    expect(roundTrip(paperWith('t', 'export const a = 1')).mdx).toContain('&#x65;xport const a = 1');
    expect(roundTrip(paperWith('t', 'import x from "y"')).mdx).toContain('&#x69;mport x from');
  });

  it.each(['---', 'yes', 'null', '- a', 'key: value', "'quoted'", '"double"', '#hash', '@at', '!tag', '&anchor', '*alias', '|', '>', '%', '{a: 1}', '[1, 2]', '2024-03-14', '0x1F', '0o17', '1:20', 'on', 'y', '1e3', '.inf', '~', ' leading'])(
    'keeps the YAML-special title %j exact',
    (title) => {
      expect(roundTrip(paperWith(title, 'Abstract.')).data.title).toBe(title);
    },
  );

  it('keeps every character of a title and a tag name exact through the YAML writer and the reader', () => {
    // Every code point up to U+FFFF, lone surrogates included, in one title, beside its neighbours.
    // (Tag ids, the keys, are kebab-case by the schema.)
    const characters = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code)).join('');
    for (let start = 0; start < characters.length; start += 4096) {
      const title = `a${characters.slice(start, start + 4096)}b`;
      const paper = { ...paperWith(title, 'Abstract.'), tagNames: { 'a-b': title } };
      const { data } = parsePage(serializeMdx(paperToMdast(paper)));
      expect(data.title === title && (data.tagNames as Record<string, string>)['a-b'] === title, `from U+${start.toString(16)}`).toBe(true);
    }
  });

  it('starts the frontmatter with the do-not-edit header', () => {
    expect(roundTrip(paperWith('t', 'a')).mdx.split('\n').slice(0, 2)).toEqual(['---', generatedHeader]);
  });

  // Two thousand pages emitted and rendered each: seconds, not the default five.
  it('renders random hostile text next to URLs, www., e-mail addresses and odd-case schemes literally and inert', { timeout: 60_000 }, () => {
    const alphabet = ['{', '}', '<', '>', '/', '\\', '`', '*', '_', '~', '#', '-', '=', '|', '[', ']', '(', ')', '!', '&', ';', '$', ':', '"', "'", ' ', 'a', 'export ', 'import ', '---', '\u00e9', '\u4e2d', 'https://x.org/a', '\u2028', '\u00a0', '\u200d', '\u202e', '\ud83d\ude00', '\n',
      'www.', 'https://', 'HTTPS://', 'HtTp://', 'mailto:', 'a@b.co', 'javascript:', '<img src=x onerror=alert(1)>', '<script>', '<svg onload=alert(1)>', '&lt;', '&#60;', '"', '.', '/'];
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let run = 0; run < 2000; run += 1) {
      const abstract = Array.from({ length: 1 + Math.floor(random() * 40) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('').trim() || 'x';
      const result = roundTrip(paperWith(abstract, abstract));
      expectInert(result, abstract);
      expect(result.text, abstract).toBe(expectedText(abstract));
      expect(result.data.abstract, abstract).toBe(abstract);
    }
  });

  it('renders random formulas made of and next to hostile text as MathML, and the rest literally and inert', { timeout: 60_000 }, () => {
    const alphabet = ['T', 'x', ' ', '^', '_', '{', '}', '(', ')', '2', '/', '=', ' = ', '+', '*', '$', '\\', '<', '>', '"', '`', '.', '-', ',', 'Theta(', 'Omega(', 'O(', '{O}(', 'mathcal{', 'mathrm{',
      '\\mathcal{', 'varepsilon', 'rightarrow', ' gg ', 'geq', 'delta', 'Phi', 'circ', 'star', 'log ', 'exp(', '\\href{javascript:alert(1)}', '<img src=x onerror=alert(1)>', '<script>', 'https://x.org/T^{2}',
      'export ', '\n', '\u00a0', '&#60;', 'alert(1)', '\\url{', 'www.'];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let withMath = 0;
    for (let run = 0; run < 2000; run += 1) {
      const abstract = Array.from({ length: 1 + Math.floor(random() * 30) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('').trim() || 'x';
      const result = roundTrip(paperWith(abstract, abstract));
      expectInert(result, abstract);
      expect(result.text, abstract).toBe(expectedText(abstract));
      expect(result.data.abstract, abstract).toBe(abstract);
      if (result.formulas.length > 0) withMath += 1;
    }
    // The run means something only if many abstracts had formulas.
    expect(withMath).toBeGreaterThan(300);
  });

  it('writes a formula as $TeX$ and a $ of the listing as \\$', () => {
    const { mdx, formulas } = roundTrip(paperWith('t', 'Regret Theta(T^{2/3}) and $x^2$ for $5.'));
    expect(mdx).toContain('Regret $\\Theta(T^{2/3})$ and \\$x^2\\$ for \\$5.');
    expect(formulas).toHaveLength(1);
  });
});

describe('renderGeneratedPage', () => {
  const page = (body: string) => `---\n${generatedHeader}\ntitle: "t"\n---\n\n${body}\n`;

  it.each(['$\\href{javascript:alert(1)}{x}$', '$\\style{color:red}{x}$', '$\\method{x}$', '$\\def\\a{\\a\\a}\\a$', '$x<y$', '$<img src=x onerror=alert(1)>$'])(
    'shows %j, TeX that the emitter never writes, as text',
    (body) => {
      const html = renderGeneratedPage(page(body));
      expect(html).not.toMatch(/<(?!\/?p>)/);
    },
  );

  it('renders a formula as MathML with its TeX as annotation', () => {
    expect(renderGeneratedPage(page('A $B_{\\mathrm{ex}}$ b.'))).toBe(
      '<p>A <math><semantics><msub><mi>B</mi><mpadded lspace="0"><mi>ex</mi></mpadded></msub><annotation encoding="application/x-tex">B_{\\mathrm{ex}}</annotation></semantics></math> b.</p>',
    );
  });

  it('keeps a formula on one line with the text glued to it', () => {
    const html = renderGeneratedPage(page('in poly($d$) queries, $x$-optimal, ($y$) and $z$ alone.')).replace(/<math>.*?<\/math>/g, '<math/>');
    expect(html).toBe('<p>in <span class="nowrap">poly(<math/>)</span> queries, <span class="nowrap"><math/>-optimal,</span> <span class="nowrap">(<math/>)</span> and <math/> alone.</p>');
  });

  it('renders the body only, and names the page line of an error in it', () => {
    expect(renderGeneratedPage(page('Text.'))).toBe('<p>Text.</p>');
    // The page's lines: `---`, header, title, `---`, empty, then the body's on line 6.
    expect(() => renderGeneratedPage(page('A { broken'))).toThrow(expect.objectContaining({ line: 6, column: 11 }));
  });
});

describe('abstractToPhrasing', () => {
  it('turns URLs, also in \\url{}, into links and tidies TeX around them', () => {
    expect(abstractToPhrasing('By Gy\\"{o}rgy at \\url{https://github.com/a/b}.')).toEqual([
      { type: 'text', value: 'By György at ' },
      { type: 'link', url: 'https://github.com/a/b', children: [{ type: 'text', value: 'https://github.com/a/b' }] },
      { type: 'text', value: '.' },
    ]);
  });
});
