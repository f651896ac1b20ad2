import { describe, expect, it } from 'vitest';
import { assignSlugs } from '../../src/pipeline/enrich/assign-slugs.ts';
import { paperKey } from '../../src/pipeline/merge-listings.ts';
import { parseSlugRegistry, redirectRoutes, serializeSlugRegistry, type SlugRegistry } from '../../src/schema/slug-registry.ts';

const empty: SlugRegistry = { papers: {}, redirects: {} };

describe('assignSlugs', () => {
  it('resolves collisions among new papers in archive order', () => {
    expect(assignSlugs(['A/B', 'A-B', 'a b', 'A B 2', 'Other'], empty).slugs).toEqual(['a-b', 'a-b-2', 'a-b-3', 'a-b-2-2', 'other']);
  });

  it('keeps a registered slug, whatever is listed before it', () => {
    const first = assignSlugs(['A-B Testing'], empty);
    // A listing added earlier in name order brings a paper whose title slugs alike.
    const second = assignSlugs(['A/B Testing', 'A-B Testing'], first.registry);
    expect(first.slugs).toEqual(['a-b-testing']);
    expect(second.slugs).toEqual(['a-b-testing-2', 'a-b-testing']);
  });

  it('never gives a registered slug or a redirect to another paper', () => {
    const registry = { papers: { gone: 'Gone' }, redirects: { old: 'gone' } };
    expect(assignSlugs(['Gone', 'Gone?', 'Old'], registry).slugs).toEqual(['gone', 'gone-2', 'old-2']);
    expect(assignSlugs(['Something Gone'], registry).registry.papers).toEqual({ gone: 'Gone', 'something-gone': 'Something Gone' });
  });

  it('turns a slug the owner renamed into a redirect, and points older redirects at the new one', () => {
    const registry = { papers: { 'new-name': 'A Paper' }, redirects: { 'first-name': 'old-name' } };
    const published = new Map([[paperKey('A Paper'), 'old-name']]);
    const { slugs, registry: updated } = assignSlugs(['A Paper'], { ...registry, papers: registry.papers }, published);
    expect(slugs).toEqual(['new-name']);
    expect(updated.redirects).toEqual({ 'first-name': 'new-name', 'old-name': 'new-name' });
  });
});

describe('the registry file', () => {
  it('round-trips, one line per paper, sorted by slug', () => {
    const registry = { papers: { 'b-paper': 'B: "quoted" paper', 'a-paper': 'yes' }, redirects: { 'old-a': 'a-paper' } };
    const text = serializeSlugRegistry(registry);
    expect(text).toMatch(/^# Paper addresses/);
    expect(text.split('\n').filter((line) => line.startsWith('  '))).toEqual(['  a-paper: "yes"', '  b-paper: "B: \\"quoted\\" paper"', '  old-a: "a-paper"']);
    expect(parseSlugRegistry(text, 'slugs.yaml')).toEqual(registry);
    expect(parseSlugRegistry('', 'slugs.yaml')).toEqual(empty);
    expect(redirectRoutes(registry)).toEqual({ '/papers/old-a/': '/papers/a-paper/' });
  });

  it.each([
    ['papers:\n  good: "A"\n  Bad Slug: "B"\n', 'slugs.yaml:3: papers.Bad Slug'],
    ['papers:\n  a: "A"\n  a: "B"\n', 'slugs.yaml:3: Map keys must be unique'],
    ['papers:\n  a: "A"\nredirects:\n  b: c\n', 'slugs.yaml: the redirect b -> c leads to no paper'],
    ['papers:\n  a: "A"\nredirects:\n  a: a\n', 'slugs.yaml: a is both a paper\'s slug and a redirect'],
  ])('refuses %j naming the file and line', (text, message) => {
    expect(() => parseSlugRegistry(text, 'slugs.yaml')).toThrow(message);
  });

  it('refuses a registry that gives one paper two slugs', () => {
    expect(() => assignSlugs(['A'], { papers: { a: 'A', 'a-2': 'a' }, redirects: {} })).toThrow('gives one paper two slugs, a and a-2');
  });
});
