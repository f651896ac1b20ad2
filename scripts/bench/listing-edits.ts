/**
 * Edits for incremental-build scenarios, done on the listing text as a user would do them.
 */

/** The sentence the "fixed abstract" scenario appends. */
const correctionSentence = 'This version corrects the reported results.';

/**
 * Changes one paper's abstract: appends a sentence to the abstract line of the paper whose title is
 * on `titleLine` (1-based), which in a synthetic listing is two lines below it.
 *
 * @param listing
 *   Listing text with one-line abstracts.
 * @param titleLine
 *   Line of the paper's title, as the parser reports it in `source.line`.
 * @returns
 *   The edited listing.
 */
export function changeOneAbstract(listing: string, titleLine: number): string {
  const lines = listing.split('\n');
  const abstractIndex = titleLine + 1;
  if (!lines[abstractIndex]) throw new Error(`no abstract two lines below line ${titleLine}`);
  lines[abstractIndex] = `${lines[abstractIndex]} ${correctionSentence}`;
  return lines.join('\n');
}
