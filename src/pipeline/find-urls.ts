/** A URL found in running text, with the span of text it replaces. */
export interface UrlMatch {
  /** The URL, without wrapping `\url{}` or trailing sentence punctuation. */
  url: string;
  /** Offset of the first character of the match (the backslash of `\url{`, or the `h` of `http`). */
  start: number;
  /** Offset just past the match (past the closing brace of `\url{...}`). */
  end: number;
}

// `\url{...}` first so its braces are consumed; then bare http(s) URLs up to whitespace.
const urlPattern = /\\url\{(https?:\/\/[^\s{}]+)\}|https?:\/\/[^\s<>"{}\\^`|]+/g;
// Sentence punctuation that abstracts put after a URL and that a URL almost never ends with.
const trailingPunctuation = /^[.,;:!?'"*]$/;

/**
 * Finds the http(s) URLs in text, also inside TeX `\url{...}`.
 *
 * A closing parenthesis, bracket or brace is kept only if the URL opens one too, so
 * `(see https://x.org/a_(b))` keeps its own parenthesis and `(https://x.org)` loses the outer one.
 *
 * @param text
 *   Running text (an abstract).
 * @returns
 *   Matches in text order.
 */
export function findUrls(text: string): UrlMatch[] {
  const matches: UrlMatch[] = [];
  for (const match of text.matchAll(urlPattern)) {
    const start = match.index;
    if (match[1] !== undefined) {
      matches.push({ url: trimUrl(match[1]), start, end: start + match[0].length });
      continue;
    }
    const url = trimUrl(match[0]);
    if (url.length > 'https://'.length) matches.push({ url, start, end: start + url.length });
  }
  return matches;
}

const closers: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/**
 * Drops sentence punctuation and unbalanced closing brackets from the end of a URL candidate.
 *
 * One pass from the end over counts taken once, so a URL followed by thousands of `)` costs time
 * in proportion to its length, not its square.
 */
function trimUrl(candidate: string): string {
  const counts = new Map<string, number>();
  for (const character of candidate) if ('()[]{}'.includes(character)) counts.set(character, (counts.get(character) ?? 0) + 1);
  let end = candidate.length;
  while (end > 0) {
    const last = candidate[end - 1] ?? '';
    const open = closers[last];
    if (trailingPunctuation.test(last) || (open !== undefined && (counts.get(open) ?? 0) < (counts.get(last) ?? 0))) {
      counts.set(last, (counts.get(last) ?? 0) - 1);
      end -= 1;
      continue;
    }
    return candidate.slice(0, end);
  }
  return '';
}
