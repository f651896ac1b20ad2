/** Site-wide constants. */
export const siteTitle = 'papershelf';
export const siteDescription = 'A listing of research papers, browsable by topic and tag.';

/**
 * Papers per page on the home, topic and tag indexes. At 100 short cards an index page stays far
 * below the 300 KB budget however large the listing grows.
 */
export const indexPageSize = 100;

/** Items per feed: readers want what is new, not a 10,000-item download. */
export const feedSize = 100;
