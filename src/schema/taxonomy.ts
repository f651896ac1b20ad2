import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'astro/zod';
import { kebabCasePattern } from './paper.ts';

/** The taxonomy that ships with papershelf; site owners edit this file. */
export const defaultTaxonomyPath = fileURLToPath(new URL('../../content/taxonomy.yaml', import.meta.url));

/** One topic of the controlled vocabulary. */
export const topicSchema = z.object({
  /** Stable kebab-case id, used in URLs (`/topics/<id>/`) and frontmatter. */
  id: z.string().regex(kebabCasePattern),
  /** Human-readable name shown on the site. */
  name: z.string().min(1),
  /** One sentence saying what belongs here, shown on the topic pages. */
  description: z.string().min(1),
  /**
   * Phrases that signal the topic, with their weight. Matching is case-insensitive on whole
   * words; a phrase in the title counts more than one in the abstract.
   */
  keywords: z.record(z.string().min(1), z.number().positive()),
  /**
   * Phrases of which a paper must mention at least one for the topic to be considered at all
   * (optional): "LLM agents" needs a language model, not just an agent.
   */
  requires: z.array(z.string().min(1)).default([]),
});

/** A tag with the phrases that fold into it (`rlhf` for "reinforcement learning from human feedback"). */
export const tagAliasSchema = z.object({
  id: z.string().regex(kebabCasePattern),
  aliases: z.array(z.string().min(1)).default([]),
});

export const taxonomySchema = z
  .object({
    topics: z.array(topicSchema).min(1),
    /**
     * A topic is added after the main one when its score reaches this share of the main topic's
     * score (default 0.4): lower gives more secondary topics, higher fewer.
     */
    secondaryRatio: z.number().gt(0).max(1).default(0.4),
    /** Topic of a paper that matches no keyword at all (default: the first topic). */
    fallbackTopic: z.string().regex(kebabCasePattern).optional(),
    tags: z.array(tagAliasSchema).default([]),
    /** Words and phrases that are never tags on their own (`method`, `results`, ...). */
    stopTags: z.array(z.string().min(1)).default([]),
  })
  .superRefine((taxonomy, context) => {
    const topicIds = new Set<string>();
    taxonomy.topics.forEach((topic, index) => {
      if (topicIds.has(topic.id)) context.addIssue({ code: 'custom', path: ['topics', index, 'id'], message: `duplicate topic id ${topic.id}` });
      topicIds.add(topic.id);
    });
    if (taxonomy.fallbackTopic !== undefined && !topicIds.has(taxonomy.fallbackTopic)) {
      context.addIssue({ code: 'custom', path: ['fallbackTopic'], message: `${taxonomy.fallbackTopic} is not a topic id` });
    }
    const tagIds = new Set<string>();
    taxonomy.tags.forEach((tag, index) => {
      if (tagIds.has(tag.id)) context.addIssue({ code: 'custom', path: ['tags', index, 'id'], message: `duplicate tag id ${tag.id}` });
      tagIds.add(tag.id);
    });
  });

export type Topic = z.output<typeof topicSchema>;
export type Taxonomy = z.output<typeof taxonomySchema>;

/**
 * Reads and validates a taxonomy file.
 *
 * @param path
 *   YAML file to read (default: `content/taxonomy.yaml`).
 * @returns
 *   The validated taxonomy.
 */
export function loadTaxonomy(path: string = defaultTaxonomyPath): Taxonomy {
  const result = taxonomySchema.safeParse(parseYaml(readFileSync(path, 'utf8')));
  if (!result.success) {
    throw new Error(`${path}: invalid taxonomy\n${z.prettifyError(result.error)}`);
  }
  return result.data;
}

/** Topic ids in taxonomy order, typed for `z.enum`. */
export function getTopicIds(taxonomy: Taxonomy): [string, ...string[]] {
  const [first, ...rest] = taxonomy.topics.map((topic) => topic.id);
  if (first === undefined) throw new Error('taxonomy has no topics');
  return [first, ...rest];
}
