// Compares topic classification with hand labels: `npx node scripts/evaluate-topics.ts [--verbose]`.
// The default listing's labels guard against regressions; recent-ml is a held-out set that the
// keyword weights were never tuned on, so its figure estimates quality on unseen listings.
import { fileURLToPath } from 'node:url';
import { loadTaxonomy } from '../src/schema/taxonomy.ts';
import { evaluateTopicLabels } from './lib/topic-agreement.ts';

const labelSets = {
  'trending-papers (default listing)': '../tests/fixtures/labels/trending-papers.yaml',
  'recent-ml (held out)': '../tests/fixtures/labels/recent-ml/labels.yaml',
};

const taxonomy = loadTaxonomy();
const verbose = process.argv.includes('--verbose');
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

for (const [name, path] of Object.entries(labelSets)) {
  const result = evaluateTopicLabels(fileURLToPath(new URL(path, import.meta.url)), taxonomy);
  console.log(
    `${name}: ${result.papers} papers  micro-F1 ${result.f1.toFixed(3)}  precision ${result.precision.toFixed(3)}  recall ${result.recall.toFixed(3)}  main topic found ${percent(result.mainHitRate)}  ` +
      `related sharing a topic ${percent(result.relatedSharingTopic)} (${result.relatedPerPaper.toFixed(1)} per paper)`,
  );
  if (verbose) {
    for (const { title, expected, predicted } of result.disagreements) {
      console.log(`  ${title}\n    curator: ${expected.join(', ')}\n    ours:    ${predicted.join(', ')}`);
    }
  }
}
