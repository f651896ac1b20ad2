import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HtmlValidate, type Message } from 'html-validate';
import { beforeAll, expect, test } from 'vitest';
import { buildFixtureSite, listFiles, type BuiltSite } from './helpers/build-site.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  // A paper page is titled with the paper's own title, however long the authors made it.
  rules: { 'long-title': 'off' },
});

let site: BuiltSite;
let files: string[];

beforeAll(async () => {
  site = await buildFixtureSite();
  files = await listFiles(site.outDir);
});

/** One representative built page per page type. */
function pageOfEachType(): Record<string, string> {
  const first = (pattern: RegExp) => {
    const file = files.find((candidate) => pattern.test(candidate));
    if (!file) throw new Error(`no page matches ${pattern}`);
    return file;
  };
  return {
    home: 'index.html',
    paper: first(/^papers\/[^/]+\/index\.html$/),
    topics: 'topics/index.html',
    topic: first(/^topics\/[^/]+\/index\.html$/),
    tags: 'tags/index.html',
    tag: first(/^tags\/[^/]+\/index\.html$/),
    search: 'search/index.html',
    notFound: '404.html',
  };
}

test('every page type is valid HTML', async () => {
  const problems: string[] = [];
  for (const [type, file] of Object.entries(pageOfEachType())) {
    const report = await validator.validateString(await readFile(join(site.outDir, file), 'utf8'), file);
    for (const result of report.results) {
      problems.push(...result.messages.map((message: Message) => `${type} (${file}) ${message.line}:${message.column} ${message.ruleId}: ${message.message}`));
    }
  }
  expect(problems).toEqual([]);
});
