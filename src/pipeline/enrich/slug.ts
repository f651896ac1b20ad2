import { createHash } from 'node:crypto';
import anyAscii from 'any-ascii';

/** Longest slug before a collision suffix is added. */
export const maxSlugLength = 80;

/**
 * Turns a title into a URL segment: lower-case ASCII words joined by hyphens, accents and other
 * scripts transliterated, cut at a word boundary to at most 80 characters.
 *
 * The result only ever holds `[a-z0-9-]`, so it can never name a path (`../`) or a hidden file.
 *
 * @param title
 *   Paper title.
 * @returns
 *   The slug; for a title with nothing transliterable, `paper-` and a hash of the title, so the
 *   same title always gets the same slug.
 * @example
 *   slugify('Gyönté: A/B tests') // => 'gyonte-a-b-tests'
 */
export function slugify(title: string): string {
  const words = anyAscii(title.normalize('NFC'))
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxSlugLength) break;
    slug = next;
  }
  // A single word longer than the limit still deserves a readable prefix.
  if (!slug && words[0]) slug = words[0].slice(0, maxSlugLength);
  if (!slug) slug = `paper-${createHash('sha256').update(title).digest('hex').slice(0, 10)}`;
  return slug;
}
