import { describe, expectTypeOf, test } from 'vitest';
import type { Paper, PaperInput, RawPaper, SourceLocation } from '../../src/schema/paper.ts';
import type { enrichPapers } from '../../src/pipeline/enrich/enrich.ts';

// The frontmatter types are derived from the one zod schema; these pin what the generator, the
// content collection and the layouts rely on, so a schema edit that changes them fails here.
describe('paper frontmatter types', () => {
  test('required fields are typed as the pages use them', () => {
    expectTypeOf<Paper['title']>().toEqualTypeOf<string>();
    expectTypeOf<Paper['position']>().toEqualTypeOf<number>();
    expectTypeOf<Paper['topics']>().toEqualTypeOf<string[]>();
    expectTypeOf<Paper['related']>().toEqualTypeOf<string[]>();
    expectTypeOf<Paper['source']>().toEqualTypeOf<SourceLocation>();
    expectTypeOf<Paper['listings']>().toEqualTypeOf<{ day: string; label: string; rank: number }[]>();
  });

  test('optional fields stay optional, and defaults apply only on output', () => {
    expectTypeOf<Paper['method']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Paper['date']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<PaperInput['code']>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<Paper['code']>().toEqualTypeOf<string[]>();
  });

  test('enrichment turns raw papers into schema output', () => {
    expectTypeOf<typeof enrichPapers>().parameter(0).toEqualTypeOf<readonly RawPaper[]>();
    expectTypeOf<ReturnType<typeof enrichPapers>['papers']>().toEqualTypeOf<Paper[]>();
  });
});
