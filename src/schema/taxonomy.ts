import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
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

/**
 * The tag id a display name spells: its letters and digits, lower-case, joined by hyphens
 * (`GPT-3.5` spells `gpt-3-5`, `offline-RL` spells `offline-rl`).
 */
export function tagIdOf(name: string): string {
  return (name.toLowerCase().match(/[a-z0-9]+/g) ?? []).join('-');
}

/** A tag with the phrases that fold into it (`rlhf` for "reinforcement learning from human feedback"). */
export const tagAliasSchema = z
  .object({
    id: z.string().regex(kebabCasePattern),
    /**
     * How the site shows the tag, when not as its id (optional): `RLHF`, `LoRA`, `GPT-4`. It must
     * spell the id, only cased and punctuated as people write it, so the name and the tag's URL
     * (`/tags/<id>/`) always match. Without one, the listing's most common spelling is used.
     */
    name: z.string().min(1).optional(),
    aliases: z.array(z.string().min(1)).default([]),
  })
  .superRefine((tag, context) => {
    if (tag.name !== undefined && tagIdOf(tag.name) !== tag.id) {
      context.addIssue({ code: 'custom', path: ['name'], message: `the name ${JSON.stringify(tag.name)} does not spell the tag id ${tag.id} (it spells ${tagIdOf(tag.name) || 'nothing'})` });
    }
  });

/** One lower-case word of a word list: lists are matched word by word, so nothing else ever matches. */
const listWordSchema = z.string().regex(/^[a-z]+$/, 'expected a single lower-case word (a-z)');

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
    /** Tag ids that name a whole area (`llm`): shown last, and giving way to a narrower tag. */
    broadTags: z.array(z.string().regex(kebabCasePattern)).default([]),
    /**
     * Tag id -> tag ids that make it redundant on the same paper without containing it word for
     * word (`reinforcement-learning` next to `offline-rl`).
     */
    redundantWith: z.record(z.string().regex(kebabCasePattern), z.array(z.string().regex(kebabCasePattern))).default({}),
    /** Words that never make part of a key phrase ("promising", "shed"). */
    vagueWords: z.array(listWordSchema).default([]),
    /** Stop tags that may still open a key phrase as its modifier ("data augmentation"). */
    modifierStopTags: z.array(listWordSchema).default([]),
    /** Nouns whose ending looks like an adjective's, adverb's or verb's (`retrieval`, `metric`). */
    nounExceptions: z.array(listWordSchema).default([]),
    /** Everyday words that a one-word name must not be to become a tag (`ReAd`, `STAR`). */
    everydayWords: z.array(listWordSchema).default([]),
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
    // Relations name tags by id: one that names no tag would quietly do nothing.
    const requireTag = (id: string, path: (string | number)[]) => {
      if (!tagIds.has(id)) context.addIssue({ code: 'custom', path, message: `${id} is not a tag id (no entry under tags)` });
    };
    taxonomy.broadTags.forEach((id, index) => requireTag(id, ['broadTags', index]));
    for (const [id, narrower] of Object.entries(taxonomy.redundantWith)) {
      requireTag(id, ['redundantWith', id]);
      narrower.forEach((other, index) => {
        requireTag(other, ['redundantWith', id, index]);
        // A tag redundant with itself would always give way, leaving only filler for it.
        if (other === id) context.addIssue({ code: 'custom', path: ['redundantWith', id, index], message: `${id} cannot be redundant with itself` });
      });
    }
    // A modifier that is not a stop tag may open a phrase anyway: the entry would do nothing.
    const stopTags = new Set(taxonomy.stopTags);
    taxonomy.modifierStopTags.forEach((word, index) => {
      if (!stopTags.has(word)) context.addIssue({ code: 'custom', path: ['modifierStopTags', index], message: `${word} is not listed under stopTags` });
    });
  });

export type Topic = z.infer<typeof topicSchema>;
export type Taxonomy = z.infer<typeof taxonomySchema>;

/**
 * Reads and validates a taxonomy file.
 *
 * @param path
 *   YAML file to read (default: `content/taxonomy.yaml`).
 * @returns
 *   The validated taxonomy.
 */
export function loadTaxonomy(path: string = defaultTaxonomyPath): Taxonomy {
  return parseTaxonomy(readFileSync(path, 'utf8'), path);
}

/**
 * Parses and validates the text of a taxonomy file.
 *
 * @param text
 *   YAML text.
 * @param path
 *   File name to show in errors.
 * @returns
 *   The validated taxonomy.
 * @throws
 *   An error listing every problem as `path:line: message (at key.path)`, so that a site owner
 *   can go straight to the offending entry of a 1,500-line file.
 */
export function parseTaxonomy(text: string, path: string): Taxonomy {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  const [syntaxError] = document.errors;
  if (syntaxError) {
    throw new Error(`${path}:${syntaxError.linePos?.[0].line ?? 1}: invalid taxonomy: ${syntaxError.message}`);
  }
  const result = taxonomySchema.safeParse(document.toJS());
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const line = lineCounter.linePos(offsetOf(document, issue.path)).line;
      return `${path}:${line}: ${issue.message} (at ${issue.path.map(String).join('.') || 'top level'})`;
    });
    throw new Error(`${path}: invalid taxonomy\n${problems.join('\n')}`);
  }
  return result.data;
}

/**
 * Offset in the YAML text of the entry at `path`, or of its nearest ancestor that exists. A map
 * entry is located by its key: that is the line naming it, and a missing value has no place.
 */
function offsetOf(document: Document, path: readonly PropertyKey[]): number {
  let node: unknown = document.contents;
  let offset = 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find(({ key }) => String(isScalar(key) ? key.value : key) === String(segment));
      if (!pair) break;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      const start = rangeStart(node);
      if (start === undefined) break;
      offset = start;
    } else {
      break;
    }
  }
  return offset;
}

/** Where a YAML node starts in the text; undefined for a missing entry. */
function rangeStart(node: unknown): number | undefined {
  return isNode(node) ? node.range?.[0] : undefined;
}

/** Topic ids in taxonomy order, typed for `z.enum`. */
export function getTopicIds(taxonomy: Taxonomy): [string, ...string[]] {
  const [first, ...rest] = taxonomy.topics.map((topic) => topic.id);
  if (first === undefined) throw new Error('taxonomy has no topics');
  return [first, ...rest];
}
