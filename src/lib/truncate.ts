const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * The longest start of `text` that is at most `max` UTF-16 code units and ends between two
 * graphemes, so a cut never splits a surrogate pair, an emoji sequence or a letter from its accent.
 *
 * @param text
 *   Text to cut.
 * @param max
 *   Most code units kept.
 * @returns
 *   `text` itself when it fits.
 */
export function cutAtGrapheme(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = 0;
  for (const { index, segment } of graphemes.segment(text)) {
    if (index + segment.length > max) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}
