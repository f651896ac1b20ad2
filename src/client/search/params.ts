/** Query-string parameter that carries the search words to the paper page, which marks them. */
export const highlightParam = 'highlight';
