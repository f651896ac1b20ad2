import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';
import type { PhrasingContent } from 'mdast';
import { normalizeUri } from 'micromark-util-sanitize-uri';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { PaperInput } from '../../src/schema/paper.ts';
import { abstractToPhrasing, generatedHeader, paperToMdast, serializeMdx } from '../../src/pipeline/emit/emit-mdx.ts';
import { renderGeneratedPage } from '../../src/pipeline/emit/render-page.ts';

function paperWith(title: string, abstract: string): PaperInput {
  return { title, slug: 'x', listed: 'Mar 14', position: 1, topics: ['alignment'], tags: ['a-b'], summary: abstract.slice(0, 20), abstract, code: [], related: [], source: { file: 'f.txt', line: 3 } };
}

/**
 * Emits a page and renders it exactly as the site's loader does: its frontmatter data, the text a
 * reader sees, and every element and attribute of the HTML.
 */
function roundTrip(paper: PaperInput) {
  const mdx = serializeMdx(paperToMdast(paper));
  const html = renderGeneratedPage(mdx);
  const tree: Root = fromHtml(html, { fragment: true });
  const elements: Element[] = [];
  visit(tree, 'element', (element: Element) => {
    elements.push(element);
  });
  return {
    mdx,
    html,
    data: parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(mdx)![1]!),
    text: readerText(hastToString(tree)),
    elements,
  };
}

/** Text as a reader sees it: HTML collapses runs of spaces and line breaks (but not U+00A0). */
function readerText(text: string): string {
  return text.replace(/[ \t\r\n]+/g, ' ').trim();
}

/** What a reader must see: the abstract's text with its links, exactly. */
function expectedText(abstract: string): string {
  return readerText(toString({ type: 'paragraph', children: abstractToPhrasing(abstract) }));
}

/** The only markup a generated page may have: paragraphs, and links to http(s) addresses the emitter found. */
function expectInert(result: ReturnType<typeof roundTrip>, abstract: string): void {
  const links = abstractToPhrasing(abstract).filter((node): node is Extract<PhrasingContent, { type: 'link' }> => node.type === 'link');
  expect(result.elements.map((element) => element.tagName).filter((tag) => tag !== 'p'), abstract).toEqual(links.map(() => 'a'));
  for (const element of result.elements) {
    const names = Object.keys(element.properties);
    expect(names, abstract).toEqual(element.tagName === 'a' ? ['href'] : []);
  }
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

  it('starts the frontmatter with the do-not-edit header', () => {
    expect(roundTrip(paperWith('t', 'a')).mdx.split('\n').slice(0, 2)).toEqual(['---', generatedHeader]);
  });

  it('renders random hostile text next to URLs, www., e-mail addresses and odd-case schemes literally and inert', () => {
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
