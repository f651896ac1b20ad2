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

/** Tags shown under "Most used" on the tags page. */
export const topTagCount = 100;

/**
 * Up to this many tags the A-Z list is on the tags page itself; beyond it, each initial gets its
 * own page, so a listing with thousands of tags keeps every page small.
 */
export const tagIndexLimit = 800;
