import { describe, expect, test } from 'vitest';
import {
  allowedEdits,
  chooseCorrection,
  collectSearchWords,
  editDistance,
  formatSearchWords,
  isListedPrefix,
  letterWordsFile,
  listedWords,
  maxSearchWords,
  parseSearchWords,
  prefixListFile,
  prefixWordsFile,
} from '../../src/shared/search-words.ts';

describe('editDistance (Damerau-Levenshtein, optimal string alignment)', () => {
  test('counts insertions, deletions, substitutions and swaps of neighbours as one edit each', () => {
    expect(editDistance('influence', 'influence', 2)).toBe(0);
    expect(editDistance('influnce', 'influence', 2)).toBe(1);
    expect(editDistance('recomendation', 'recommendation', 2)).toBe(1);
    expect(editDistance('agnets', 'agents', 2)).toBe(1);
    expect(editDistance('modle', 'model', 2)).toBe(1);
    expect(editDistance('tool', 'tooth', 2)).toBe(2);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('', 'abc', 3)).toBe(3);
    expect(editDistance('ca', 'abc', 3)).toBe(3);
  });

  test('stops at the cap: anything further is max + 1', () => {
    expect(editDistance('influnce', 'reinforcement', 2)).toBe(3);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
    expect(editDistance('a', 'abcd', 1)).toBe(2);
  });

  test('agrees with the full computation below the cap', () => {
    const words = ['agent', 'agents', 'agnets', 'tool', 'tools', 'use', 'user', 'reuse', 'fuse', 'used'];
    for (const a of words) for (const b of words) {
      const full = editDistance(a, b, 20);
      expect(editDistance(a, b, 2), `${a} ${b}`).toBe(Math.min(full, 3));
      expect(full, `${a} ${b}`).toBe(editDistance(b, a, 20));
    }
  });
});

describe('chooseCorrection', () => {
  const list = ['learning', 'model', 'models', 'influence', 'functions', 'recommendation', 'recommendations', 'mode', 'agents'];

  test('corrects to the nearest listed word', () => {
    expect(chooseCorrection('influnce', list)).toBe('influence');
    expect(chooseCorrection('recomendation', list)).toBe('recommendation');
    expect(chooseCorrection('agnets', list)).toBe('agents');
    expect(chooseCorrection('learnign', list)).toBe('learning');
  });

  test('among equally near words, prefers the most common (earlier in the list)', () => {
    // `modle` is one edit from `model` (a swap) and from `mode`; `model` is listed first.
    expect(chooseCorrection('modle', list)).toBe('model');
    expect(chooseCorrection('modle', ['mode', 'model'])).toBe('mode');
    // A nearer word wins over a more common one.
    expect(chooseCorrection('recommendatons', list)).toBe('recommendations');
  });

  test('allows one edit up to six letters, two from seven, none below four', () => {
    expect(allowedEdits('use')).toBe(0);
    expect(allowedEdits('tool')).toBe(1);
    expect(allowedEdits('agents')).toBe(1);
    expect(allowedEdits('influnce')).toBe(2);
    expect(chooseCorrection('agnt', list)).toBeUndefined();
    expect(chooseCorrection('agentss', list)).toBe('agents');
    expect(chooseCorrection('inflnc', list)).toBeUndefined();
    expect(chooseCorrection('infuenze', list)).toBe('influence');
    expect(chooseCorrection('mdl', list)).toBeUndefined();
  });

  test('leaves alone a listed word, a word with digits and a word nothing is near', () => {
    expect(chooseCorrection('models', list)).toBeUndefined();
    expect(chooseCorrection('gpt4', list)).toBeUndefined();
    expect(chooseCorrection('quantum', list)).toBeUndefined();
    expect(chooseCorrection('influnce', [])).toBeUndefined();
  });
});

describe('the word list', () => {
  test('holds lower-cased runs of letters of four letters or more, split at anything else', () => {
    expect(listedWords('Multi-Agent LLMs use GPT-4 tools; Gy\u00F6rgy’s EK-FAC (2023)')).toEqual(['multi', 'agent', 'llms', 'tools', 'gy\u00F6rgy']);
    expect(listedWords('a'.repeat(25))).toEqual([]);
  });

  test('orders words by the number of papers using them, then alphabetically, deduplicated', () => {
    const papers = [
      ['Tool use by agents', 'agents agents agents'],
      ['Agents that plan', 'Planning with tools'],
      ['Influence functions'],
    ];
    expect(collectSearchWords(papers)).toEqual(['agents', 'functions', 'influence', 'plan', 'planning', 'that', 'tool', 'tools', 'with']);
    expect(collectSearchWords(papers, 2)).toEqual(['agents', 'functions']);
    expect(maxSearchWords).toBeGreaterThan(10_000);
  });

  test('is written a file per first letter and per first two letters, in the list\'s order, and a file of another format reads as nothing', () => {
    const words = ['agents', 'influence', 'attention', 'élan', 'zero', 'adaptive'];
    const files = formatSearchWords(words);
    expect([...files.keys()].sort()).toEqual(['_.txt', '_l.txt', 'a.txt', 'ad.txt', 'ag.txt', 'at.txt', 'i.txt', 'in.txt', 'prefixes.txt', 'z.txt', 'ze.txt']);
    expect(parseSearchWords(files.get(prefixListFile)!)).toEqual(['_l.txt', 'ad.txt', 'ag.txt', 'at.txt', 'in.txt', 'ze.txt']);
    expect(files.get('a.txt')).toBe('papershelf-words 1\nagents\nattention\nadaptive\n');
    expect(files.get('at.txt')).toBe('papershelf-words 1\nattention\n');
    // A check needs the words that start like the word; a correction all of its first letter's.
    expect(prefixWordsFile('attentoin')).toBe('at.txt');
    expect(letterWordsFile('atetntion')).toBe('a.txt');
    expect(prefixWordsFile('ølstykke')).toBe('_l.txt');
    expect(letterWordsFile('ølstykke')).toBe('_.txt');
    expect(prefixWordsFile('a-b')).toBe('a_.txt');
    expect(parseSearchWords(files.get('a.txt')!)).toEqual(['agents', 'attention', 'adaptive']);
    expect(parseSearchWords('papershelf-words 2\nagents\n')).toBeUndefined();
    expect(parseSearchWords('<!doctype html>')).toBeUndefined();
  });

  test('tells a word being typed from one no paper has', () => {
    const words = ['agents', 'attention', 'agentic'];
    expect(isListedPrefix('agen', words)).toBe(true);
    expect(isListedPrefix('agents', words)).toBe(true);
    expect(isListedPrefix('agnets', words)).toBe(false);
    expect(isListedPrefix('agentss', words)).toBe(false);
  });
});
