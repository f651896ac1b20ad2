import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultTaxonomyPath, loadTaxonomy, parseTaxonomy, tagIdOf } from '../../src/schema/taxonomy.ts';

const shipped = readFileSync(defaultTaxonomyPath, 'utf8');
const folder = mkdtempSync(join(tmpdir(), 'papershelf-taxonomy-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Writes a taxonomy file and loads it, returning the error message it fails with. */
function loadError(text: string): { path: string; message: string } {
  const path = join(folder, `taxonomy-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(path, text);
  try {
    loadTaxonomy(path);
  } catch (error) {
    return { path, message: (error as Error).message };
  }
  throw new Error('the taxonomy loaded');
}

/** 1-based line of the first line of `text` equal to `line`. */
function lineOf(text: string, line: string): number {
  const index = text.split('\n').indexOf(line);
  expect(index, line).toBeGreaterThanOrEqual(0);
  return index + 1;
}

/** A small valid taxonomy, one item a line, so tests can point at lines. */
const small = `topics:
  - id: rl
    name: RL
    description: Reinforcement learning.
    keywords: { reinforcement learning: 3 }
tags:
  - id: reinforcement-learning
  - id: offline-rl
    aliases: [offline reinforcement learning]
stopTags:
  - data
  - method
broadTags:
  - reinforcement-learning
redundantWith:
  reinforcement-learning:
    - offline-rl
modifierStopTags: [data]
`;

describe('loadTaxonomy', () => {
  it('loads the shipped taxonomy, its word lists and tag relations', () => {
    const taxonomy = loadTaxonomy();
    const tagIds = new Set(taxonomy.tags.map((tag) => tag.id));
    expect(taxonomy.broadTags).toContain('llm');
    expect(taxonomy.redundantWith['reinforcement-learning']).toContain('offline-rl');
    for (const id of [...taxonomy.broadTags, ...Object.entries(taxonomy.redundantWith).flat(2)]) expect(tagIds.has(id), id).toBe(true);
    expect(taxonomy.vagueWords).toContain('promising');
    // YAML would read an unquoted `true` as a boolean: the shipped file quotes it.
    expect(taxonomy.vagueWords).toContain('true');
    expect(taxonomy.modifierStopTags).toContain('data');
    expect(taxonomy.nounExceptions).toContain('retrieval');
    expect(taxonomy.everydayWords).toContain('read');
  });

  it('loads a small taxonomy, and defaults the lists it leaves out', () => {
    const taxonomy = parseTaxonomy(small, 'small.yaml');
    expect(taxonomy.redundantWith).toEqual({ 'reinforcement-learning': ['offline-rl'] });
    expect(taxonomy.vagueWords).toEqual([]);
    expect(taxonomy.everydayWords).toEqual([]);
  });

  it('fails with file and line when a relation names an unknown tag', () => {
    const text = small.replace('    - offline-rl\n', '    - offline-rl\n    - online-rl\n');
    const { path, message } = loadError(text);
    expect(message).toContain(`${path}:${lineOf(text, '    - online-rl')}: online-rl is not a tag id`);
  });

  it('fails with file and line for an unknown broad tag or relation key', () => {
    const text = small.replace('broadTags:\n  - reinforcement-learning', 'broadTags:\n  - reinforcement-learning\n  - deep-learning').replace('redundantWith:\n', 'redundantWith:\n  deep-rl: [offline-rl]\n');
    const { path, message } = loadError(text);
    expect(message).toContain(`${path}:${lineOf(text, '  - deep-learning')}: deep-learning is not a tag id`);
    expect(message).toContain(`${path}:${lineOf(text, '  deep-rl: [offline-rl]')}: deep-rl is not a tag id`);
  });

  it('points at the line in the shipped file when an edit breaks a reference', () => {
    const text = shipped.replace('\n  - computer-vision\n', '\n  - computer-visoin\n');
    expect(text).not.toBe(shipped);
    const { path, message } = loadError(text);
    expect(message).toContain(`${path}:${lineOf(text, '  - computer-visoin')}: computer-visoin is not a tag id`);
    expect(message.split('\n')).toHaveLength(2);
  });

  it('fails with file and line for a tag redundant with itself, or a modifier that is no stop tag', () => {
    const text = small.replace('    - offline-rl\n', '    - reinforcement-learning\n').replace('modifierStopTags: [data]', 'modifierStopTags: [data, reward]');
    const { path, message } = loadError(text);
    expect(message).toContain(`${path}:${lineOf(text, '    - reinforcement-learning')}: reinforcement-learning cannot be redundant with itself`);
    expect(message).toContain(`${path}:${lineOf(text, 'modifierStopTags: [data, reward]')}: reward is not listed under stopTags`);
  });

  it('fails with file and line for a word list entry that is not one lower-case word', () => {
    const text = `${small}vagueWords:\n  - promising\n  - "shed light"\n  - true\n`;
    const { path, message } = loadError(text);
    expect(message).toContain(`${path}:${lineOf(text, '  - "shed light"')}: expected a single lower-case word`);
    expect(message).toContain(`${path}:${lineOf(text, '  - true')}:`);
  });

  it('loads tag names that spell their ids', () => {
    const names = new Map(loadTaxonomy().tags.flatMap((tag) => (tag.name === undefined ? [] : [[tag.id, tag.name] as const])));
    expect(names.get('rlhf')).toBe('RLHF');
    expect(names.get('lora')).toBe('LoRA');
    expect(names.get('gpt-4')).toBe('GPT-4');
    for (const [id, name] of names) expect(tagIdOf(name), name).toBe(id);
    expect(tagIdOf('GPT-3.5')).toBe('gpt-3-5');
    expect(tagIdOf('offline RL')).toBe('offline-rl');
  });

  it('fails with file and line for a tag name that does not spell its id', () => {
    const named = small.replace('  - id: offline-rl\n', '  - id: offline-rl\n    name: Offline-RL\n');
    expect(parseTaxonomy(named, 'small.yaml').tags.find((tag) => tag.id === 'offline-rl')?.name).toBe('Offline-RL');
    const text = named.replace('  - id: reinforcement-learning\n', '  - id: reinforcement-learning\n    name: RL learning\n');
    const { path, message } = loadError(text);
    expect(message).toContain(`${path}:${lineOf(text, '    name: RL learning')}: the name "RL learning" does not spell the tag id reinforcement-learning (it spells rl-learning)`);
    expect(message.split('\n')).toHaveLength(2);
  });

  it('fails with file and line for a YAML syntax error', () => {
    const text = small.replace('modifierStopTags: [data]', 'modifierStopTags: [data');
    const { path, message } = loadError(text);
    expect(message).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: invalid taxonomy`));
  });
});
