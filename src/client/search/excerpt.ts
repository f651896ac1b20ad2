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

/**
 * The words of a Pagefind excerpt, taken from the page's own text rather than from the excerpt's
 * HTML. Pagefind escapes `<` and `>` in excerpts but not `&`, so its HTML cannot tell a listing's
 * literal `&lt;b&gt;` from `<b>`; the excerpt says only where the window starts and which words
 * are marked, and the words themselves come from `content`, exactly as written.
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
  for (let start = 0; start + escaped.length <= words.length; start += 1) {
    if (!escaped.every((word, offset) => escapeLikePagefind(words[start + offset] ?? '') === word)) continue;
    const parts: ExcerptPart[] = [];
    escaped.forEach((_word, offset) => {
      const text = words[start + offset] ?? '';
      const mark = marked[offset] ?? false;
      const last = parts.at(-1);
      if (offset > 0) {
        if (last && !last.mark) last.text += ' ';
        else parts.push({ text: ' ', mark: false });
      }
      const previous = parts.at(-1);
      if (!mark && previous && !previous.mark) previous.text += text;
      else parts.push({ text, mark });
    });
    return parts;
  }
  return undefined;
}
