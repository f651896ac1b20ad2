import { describe, expect, it } from 'vitest';
import { tidyTex } from '../../src/pipeline/emit/tidy-tex.ts';

describe('tidyTex', () => {
  it.each([
    ['Gy\\"{o}rgy et al.', 'György et al.'],
    ['Aky\\"urek', 'Akyürek'],
    ['{\\\'e}t{\\\'e}', 'été'],
    ['Polyak-\\L ojasiewicz', 'Polyak-Łojasiewicz'],
    ['Fran\\c{c}ois', 'François'],
    ["``quoted'' text", '“quoted” text'],
  ])('makes %j readable', (input, expected) => {
    expect(tidyTex(input)).toBe(expected);
  });

  it.each(['\\method{}', 'T^{2/3}', '\\varepsilon \\cdot x', '{\\"o', 'a \\c b', "it's `x'"])('leaves %j as written', (input) => {
    expect(tidyTex(input)).toBe(input);
  });

  it('rewrites an accent but keeps a brace that does not belong to it', () => {
    expect(tidyTex('\\"o}')).toBe('ö}');
  });
});
