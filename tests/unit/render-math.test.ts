import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { mathCommands } from '../../src/pipeline/emit/find-math-spans.ts';
import { mathSanitizeSchema, texToMathml } from '../../src/pipeline/emit/render-math.ts';

const sanitizer = unified().use(rehypeSanitize, mathSanitizeSchema).use(rehypeStringify).freeze();

function toHtml(node: Element): string {
  return sanitizer.stringify({ type: 'root', children: [node] });
}

function sanitize(html: string): string {
  const tree: Root = fromHtml(html, { fragment: true });
  return sanitizer.stringify(sanitizer.runSync(tree) as Root);
}

/** Every command of the vocabulary in the places a formula puts one. */
function vocabularyTex(): string[] {
  const fonts = new Set(['mathcal', 'mathbb', 'mathbf', 'mathscr', 'mathfrak', 'mathsf']);
  const words = new Set(['mathrm', 'operatorname']);
  const functions = new Set(['log', 'ln', 'exp', 'sin', 'cos', 'tan', 'max', 'min', 'sup', 'inf', 'lim', 'det', 'dim', 'Pr']);
  return [...mathCommands].flatMap((name) => {
    if (fonts.has(name)) return [`\\${name}{O}(x)`, `\\${name}{C_{\\Phi \\circ x}/n}^2`, `a_{\\${name}{ex}}`, `\\${name}{x^{2}}`];
    if (words.has(name)) return [`\\${name}{ex}`, `a_{\\${name}{ex 2}}`, `\\${name}{poly}(x)^2`];
    if (functions.has(name)) return [`\\${name}(T)`, `\\${name} T`, `x^{\\${name} T}`];
    return [`\\${name}`, `x \\${name} y`, `\\${name}(T)`, `T^{\\${name}}`, `\\${name}_{1}^{2}`, `C_\\${name}`, `{}^{\\${name}}`];
  });
}

describe('texToMathml', () => {
  it('renders every command of the vocabulary, and the sanitiser keeps all of it', () => {
    for (const tex of [...vocabularyTex(), '{}^3', '{}_{+}', 'KL^* + K', 'B_{ex} = O(T^{2/3})', '0.5^{-s}d^s', '(a, b) | c', 'x > y', '{O}(\\log T)']) {
      const math = texToMathml(tex);
      expect(math, tex).toBeDefined();
      const html = toHtml(math!);
      expect(sanitize(html), tex).toBe(html);
      expect(html, tex).not.toMatch(/style=|href=|\son/);
    }
  });

  it('keeps the TeX as the annotation', () => {
    const math = texToMathml('\\Theta(T^{2/3})')!;
    const [semantics] = math.children as Element[];
    const [, annotation] = semantics!.children as Element[];
    expect(annotation!.tagName).toBe('annotation');
    expect(toHtml(annotation!)).toBe('<annotation encoding="application/x-tex">\\Theta(T^{2/3})</annotation>');
  });

  it.each([
    '\\href{javascript:alert(1)}{x}', '\\url{javascript:alert(1)}', '\\htmlClass{x}{y}', '\\style{color:red}{x}', '\\color{red}x', '\\method{x}', '\\def\\a{\\a\\a}\\a',
    '\\includegraphics{x.png}', 'x$y', 'x<y', 'a & b', 'x % y', 'x_', '\\mathrm{<b>}', 'x\ny', '', 'x'.repeat(400),
  ])('refuses %j, which is not TeX the emitter writes', (tex) => {
    expect(texToMathml(tex)).toBeUndefined();
  });
});

describe('mathSanitizeSchema', () => {
  it.each([
    ['<math><mi onclick="alert(1)" href="javascript:alert(1)" style="color:red" class="evil mathcal">x</mi></math>', '<math><mi class="mathcal">x</mi></math>'],
    ['<math><maction actiontype="statusline"><mi>x</mi></maction><mtext>y</mtext></math>', '<math><mi>x</mi>y</math>'],
    // Elements of GitHub's schema stay allowed inside, as they are anywhere, without handlers.
    ['<math><annotation-xml encoding="text/html"><img src=x onerror=alert(1)></annotation-xml></math>', '<math><img src="x"></math>'],
    ['<math><semantics><mi>x</mi><annotation encoding="text/html">&lt;b&gt;</annotation></semantics></math>', '<math><semantics><mi>x</mi><annotation>&#x3C;b></annotation></semantics></math>'],
    ['<p><mi>x</mi><mo lspace="javascript:1">+</mo><mspace width="100%"></mspace></p>', '<p>x+</p>'],
    ['<math><mo lspace="1em; background:red" form="evil" fence="true">(</mo><mspace depth="1em"></mspace></math>', '<math><mo fence="true">(</mo><mspace></mspace></math>'],
    ['<math><svg><script>alert(1)</script></svg><a href="javascript:alert(1)">x</a></math>', '<math><a>x</a></math>'],
    ['<span class="nowrap evil" style="x" onclick="alert(1)">(<math><mi>x</mi></math>)</span>', '<span class="nowrap">(<math><mi>x</mi></math>)</span>'],
  ])('cleans %j', (input, output) => {
    expect(sanitize(input)).toBe(output);
  });
});
