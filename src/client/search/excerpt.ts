/** A run of excerpt text, marked when it is a word the query matched. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

// Pagefind's own word separator (`build_excerpt` in pagefind.js).
const wordSeparators = /[^\S\uFEFF]+/g;

/** What Pagefind's excerpt does to a word of the page: `<` and `>` escaped, nothing else. */
function escapeLikePagefind(word: string): string {
  return word.replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Marks text left out before or after an excerpt. */
export const ellipsis = '…';

/** A listing that copied the abstract with its heading: `Abstract`, `Abstract:`, `ABSTRACT.` as the first word. */
const abstractLabel = /^abstract[:.\u2013\u2014-]*$/i;

/**
 * A text without the `Abstract` heading some listings copy in front of the abstract (and so in
 * front of its first sentence, the summary).
 */
export function withoutAbstractLabel(text: string): string {
  const [first = '', ...rest] = text.trimStart().split(wordSeparators);
  return abstractLabel.test(first) && rest.length > 0 ? text.trimStart().slice(first.length).trimStart() : text;
}

/**
 * A paper's summary (its abstract's first sentence) as an excerpt: without the `Abstract`
 * heading, and with an ellipsis when the abstract goes on (unless the summary, cut short, ends
 * with one already).
 *
 * @param content
 *   The abstract, as Pagefind indexed it.
 */
export function summaryExcerpt(summary: string, content: string): string {
  const text = withoutAbstractLabel(summary.trim());
  const goesOn = content.trim().length > summary.trim().length + 1;
  return goesOn && !text.endsWith(ellipsis) ? `${text} ${ellipsis}` : text;
}

/**
 * The words of a Pagefind excerpt, taken from the page's own text rather than from the excerpt's
 * HTML. Pagefind escapes `<` and `>` in excerpts but not `&`, so its HTML cannot tell a listing's
 * literal `&lt;b&gt;` from `<b>`; the excerpt says only where the window starts and which words
 * are marked, and the words themselves come from `content`, exactly as written.
 *
 * The excerpt reads as a quotation: whole words, an ellipsis (…) where the abstract goes on
 * before or after it, and no `Abstract` heading in front (unless the query matched that word).
 *
 * @param content
 *   The text Pagefind indexed for the page or section (`data().content`).
 * @param excerpt
 *   Pagefind's excerpt HTML for it, with `<mark>` around matched words.
 * @returns
 *   Runs of text, or `undefined` when the excerpt is not a window of `content`.
 */
export function excerptParts(content: string, excerpt: string): ExcerptPart[] | undefined {
  const words = content.split(wordSeparators);
  const shown = excerpt.trim().split(wordSeparators).filter(Boolean);
  const marked = shown.map((word) => word.startsWith('<mark>') && word.endsWith('</mark>'));
  const escaped = shown.map((word, index) => (marked[index] ? word.slice('<mark>'.length, -'</mark>'.length) : word));
  if (escaped.length === 0) return [];
  // Pagefind splits the content as this does, but a content with leading white space starts with an empty word.
  const first = words.findIndex((word) => word !== '');
  for (let start = 0; start + escaped.length <= words.length; start += 1) {
    if (!escaped.every((word, offset) => escapeLikePagefind(words[start + offset] ?? '') === word)) continue;
    const end = start + escaped.length;
    // The abstract's heading, unmarked, is left out, and the excerpt then starts with the abstract.
    const skip = start === first && !marked[0] && abstractLabel.test(words[start] ?? '') && escaped.length > 1 ? 1 : 0;
    const parts: ExcerptPart[] = [];
    const append = (text: string, mark: boolean) => {
      const last = parts.at(-1);
      if (!mark && last && !last.mark) last.text += text;
      else parts.push({ text, mark });
    };
    if (start > first) append(`${ellipsis} `, false);
    for (let offset = skip; offset < escaped.length; offset += 1) {
      if (offset > skip) append(' ', false);
      append(words[start + offset] ?? '', marked[offset] ?? false);
    }
    if (words.slice(end).some((word) => word !== '')) append(` ${ellipsis}`, false);
    return parts;
  }
  return undefined;
}
