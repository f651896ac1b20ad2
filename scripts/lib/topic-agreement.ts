import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'astro/zod';
import { classifyTopics } from '../../src/pipeline/enrich/classify-topics.ts';
import { generatePages, readPapers } from '../../src/pipeline/generate-pages.ts';
import type { Taxonomy } from '../../src/schema/taxonomy.ts';

/** A hand-labelled set: a listing and, per paper title, the curator's topics (main first). */
const labelSetSchema = z.object({
  /** Listing file, relative to the labels file. */
  listing: z.string().min(1),
  labels: z.record(z.string().min(1), z.array(z.string().min(1)).min(1).max(3)),
});

/** How far the classifier agrees with a curator on one labelled set. */
export interface TopicAgreement {
  papers: number;
  /** Share of predicted topics the curator also gave. */
  precision: number;
  /** Share of the curator's topics that were predicted. */
  recall: number;
  /** Harmonic mean of precision and recall, counted over all (paper, topic) pairs. */
  f1: number;
  /** Share of papers whose curator main topic is among the predicted ones. */
  mainHitRate: number;
  /** Share of related-paper entries that share a curator topic with their paper. */
  relatedSharingTopic: number;
  /** Related papers listed per paper, on average. */
  relatedPerPaper: number;
  /** Papers where prediction and labels differ, for reading. */
  disagreements: { title: string; expected: string[]; predicted: string[] }[];
}

/**
 * Classifies every paper of a labelled set and compares the result with its labels.
 *
 * @param labelsPath
 *   YAML file with `listing` and `labels` (title -> topic ids, main first).
 * @param taxonomy
 *   Taxonomy to classify with; every labelled topic must be one of its ids.
 * @returns
 *   Micro-averaged precision, recall and F1, and the main-topic hit rate.
 */
export function evaluateTopicLabels(labelsPath: string, taxonomy: Taxonomy): TopicAgreement {
  const labelSet = labelSetSchema.parse(parseYaml(readFileSync(labelsPath, 'utf8')));
  const listingPath = resolve(dirname(labelsPath), labelSet.listing);
  const { papers } = readPapers([{ file: listingPath, text: readFileSync(listingPath, 'utf8') }]);
  const topicIds = new Set(taxonomy.topics.map((topic) => topic.id));
  let truePositives = 0;
  let predictedCount = 0;
  let expectedCount = 0;
  let mainHits = 0;
  const disagreements: TopicAgreement['disagreements'] = [];
  for (const paper of papers) {
    const expected = labelSet.labels[paper.title];
    if (!expected) throw new Error(`${labelsPath}: no labels for ${JSON.stringify(paper.title)}`);
    const unknown = expected.find((id) => !topicIds.has(id));
    if (unknown) throw new Error(`${labelsPath}: ${JSON.stringify(paper.title)} has unknown topic ${unknown}`);
    const predicted = classifyTopics(paper, taxonomy);
    truePositives += predicted.filter((id) => expected.includes(id)).length;
    predictedCount += predicted.length;
    expectedCount += expected.length;
    if (predicted.includes(expected[0] ?? '')) mainHits += 1;
    if (predicted.join() !== expected.join()) disagreements.push({ title: paper.title, expected, predicted });
  }
  if (Object.keys(labelSet.labels).length !== papers.length) {
    throw new Error(`${labelsPath}: ${Object.keys(labelSet.labels).length} labels for ${papers.length} papers`);
  }
  const precision = truePositives / predictedCount;
  const recall = truePositives / expectedCount;
  // Related papers as the real pipeline finds them, judged by the curator's topics.
  const generated = generatePages([{ file: listingPath, text: readFileSync(listingPath, 'utf8') }], { taxonomy });
  const topicsBySlug = new Map(generated.papers.map((paper) => [paper.slug, labelSet.labels[paper.title] ?? []]));
  const pairs = generated.papers.flatMap((paper) => paper.related.map((slug) => [topicsBySlug.get(paper.slug) ?? [], topicsBySlug.get(slug) ?? []] as const));
  const sharing = pairs.filter(([own, other]) => own.some((topic) => other.includes(topic))).length;
  return {
    relatedSharingTopic: pairs.length === 0 ? 0 : sharing / pairs.length,
    relatedPerPaper: pairs.length / generated.papers.length,
    papers: papers.length,
    precision,
    recall,
    f1: (2 * precision * recall) / (precision + recall),
    mainHitRate: mainHits / papers.length,
    disagreements,
  };
}
