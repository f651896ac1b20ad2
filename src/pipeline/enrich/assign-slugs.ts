import type { SlugRegistry } from '../../schema/slug-registry.ts';
import { paperKey } from '../merge-listings.ts';
import { slugify } from './slug.ts';

export interface SlugAssignment {
  /** One slug per title, in the same order. */
  slugs: string[];
  /** The registry with every new paper added (and redirects for renamed ones). */
  registry: SlugRegistry;
}

/**
 * Gives every paper its permanent slug. A paper in the registry keeps its slug, whatever listings
 * were added before or after; a new paper gets the slug of its title, or, when that is taken by
 * any paper ever registered or by a redirect, the next free `-2`, `-3`, .... So a slug is decided
 * by first publication, never by listing order, and never passes to another paper.
 *
 * @param titles
 *   Titles in archive order.
 * @param registry
 *   The registry as committed (not changed).
 * @param published
 *   Slug of each paper (by `paperKey`) as the previous run published it: a paper whose slug the
 *   site owner changed in the registry gets a redirect from the old one.
 */
export function assignSlugs(titles: readonly string[], registry: SlugRegistry, published: ReadonlyMap<string, string> = new Map()): SlugAssignment {
  const papers = { ...registry.papers };
  const redirects = { ...registry.redirects };
  const byKey = new Map<string, string>();
  for (const [slug, title] of Object.entries(papers)) {
    const key = paperKey(title);
    const other = byKey.get(key);
    if (other) throw new Error(`the slug registry gives one paper two slugs, ${other} and ${slug}`);
    byKey.set(key, slug);
  }
  for (const [key, old] of published) {
    const current = byKey.get(key);
    if (!current || current === old || old in papers) continue;
    // The owner renamed the slug: the old address keeps working, as a redirect.
    for (const [from, to] of Object.entries(redirects)) if (to === old) redirects[from] = current;
    redirects[old] = current;
  }
  const taken = new Set([...Object.keys(papers), ...Object.keys(redirects)]);
  const slugs = titles.map((title) => {
    const key = paperKey(title);
    const known = byKey.get(key);
    if (known) return known;
    const base = slugify(title);
    let slug = base;
    for (let suffix = 2; taken.has(slug); suffix += 1) slug = `${base}-${suffix}`;
    taken.add(slug);
    papers[slug] = title;
    byKey.set(key, slug);
    return slug;
  });
  return { slugs, registry: { papers, redirects } };
}
