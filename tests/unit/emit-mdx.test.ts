import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { PaperInput } from '../../src/schema/paper.ts';
import { abstractToPhrasing, generatedHeader, paperToMdast, serializeMdx } from '../../src/pipeline/emit-mdx.ts';
import { tidyTex } from '../../src/pipeline/tidy-tex.ts';

const mdxParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkMdx);
const codeNodeTypes = new Set(['mdxjsEsm', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'html']);

function paperWith(title: string, abstract: string): PaperInput {
  return { title, slug: 'x', listed: 'Mar 14', position: 1, topics: ['alignment'], tags: ['a-b'], summary: abstract.slice(0, 20), abstract, code: [], related: [], source: { file: 'f.txt', line: 3 } };
}

/** Emits a page and reads it back as MDX: frontmatter data, body text and any node that could run. */
function roundTrip(paper: PaperInput) {
  const mdx = serializeMdx(paperToMdast(paper));
  const tree = mdxParser.parse(mdx) as Root;
  const codeNodes: string[] = [];
  visit(tree, (node) => {
    if (codeNodeTypes.has(node.type)) codeNodes.push(node.type);
  });
  const [yaml, ...body] = tree.children;
  return {
    mdx,
    data: yaml?.type === 'yaml' ? parseYaml(yaml.value) : undefined,
    text: body.map((node) => toString(node)).join('\n'),
    codeNodes,
  };
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
];

describe('serializeMdx', () => {
  it.each(hostileAbstracts)('keeps %j literal and inert', (abstract) => {
    const result = roundTrip(paperWith(abstract, abstract));
    expect(result.codeNodes).toEqual([]);
    expect(result.text).toBe(tidyTex(abstract));
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

  it('survives random hostile text', () => {
    const alphabet = ['{', '}', '<', '>', '/', '\\', '`', '*', '_', '~', '#', '-', '=', '|', '[', ']', '(', ')', '!', '&', ';', '$', ':', '"', "'", ' ', 'a', 'export ', 'import ', '---', '\u00e9', '\u4e2d', 'https://x.org/a', '\u2028', '\u00a0', '\u200d', '\u202e', '\ud83d\ude00', '\n'];
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let run = 0; run < 300; run += 1) {
      const abstract = Array.from({ length: 1 + Math.floor(random() * 40) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('').trim() || 'x';
      const result = roundTrip(paperWith(abstract, abstract));
      expect(result.codeNodes, abstract).toEqual([]);
      expect(result.text, abstract).toBe(toString({ type: 'paragraph', children: abstractToPhrasing(abstract) }));
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
