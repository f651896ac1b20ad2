import { describe, expect, it } from 'vitest';
import { maxSlugLength, slugify } from '../../src/pipeline/enrich/slug.ts';

describe('slugify', () => {
  it.each([
    ['Imitation Learning from Observation', 'imitation-learning-from-observation'],
    ['Gyönté: Łódź & Straße', 'gyonte-lodz-strasse'],
    ['../../etc/passwd', 'etc-passwd'],
    ['A/B', 'a-b'],
    ['Привет мир', 'privet-mir'],
    ['  --- ', undefined],
  ])('turns %j into a safe slug', (title, expected) => {
    const slug = slugify(title);
    expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    if (expected) expect(slug).toBe(expected);
  });

  it('cuts long titles at a word boundary', () => {
    const slug = slugify('word '.repeat(40) + 'end');
    expect(slug.length).toBeLessThanOrEqual(maxSlugLength);
    expect(slug.endsWith('-word')).toBe(true);
  });

  it('gives titles without letters a stable hashed fallback', () => {
    expect(slugify('--- ...')).toMatch(/^paper-[0-9a-f]{10}$/);
    expect(slugify('--- ...')).toBe(slugify('--- ...'));
    expect(slugify('--- ...')).not.toBe(slugify('!!!'));
  });
});
