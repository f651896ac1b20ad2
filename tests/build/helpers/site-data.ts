import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Paper } from '../../../src/schema/paper.ts';
import { listFiles } from './build-site.ts';

/**
 * The frontmatter of every generated page, in listing order: what the site must show, read
 * independently of the site's own code.
 */
export async function readGeneratedPapers(papersDir: string): Promise<Paper[]> {
  const papers: Paper[] = [];
  for (const file of (await listFiles(papersDir)).filter((name) => name.endsWith('.mdx'))) {
    const text = await readFile(join(papersDir, file), 'utf8');
    const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
    if (!match) throw new Error(`${file}: no frontmatter`);
    const data = parseYaml(match[1]!) as Paper;
    papers.push({ ...data, code: data.code ?? [], related: data.related ?? [] });
  }
  return papers.sort((a, b) => a.position - b.position);
}
