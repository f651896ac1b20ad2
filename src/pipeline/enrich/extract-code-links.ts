import { findUrls } from '../find-urls.ts';

/**
 * Hosts whose URLs are code or model repositories, or project pages served from one
 * (`*.github.io`). Subdomains count: `gist.github.com`, `user.github.io`.
 */
const codeHosts = [
  'github.com', 'github.io', 'gitlab.com', 'gitlab.io', 'bitbucket.org', 'codeberg.org', 'gitee.com',
  'sourceforge.net', 'sr.ht', 'huggingface.co', 'hf.co', 'colab.research.google.com', 'kaggle.com',
];

// On any other host, a URL counts only when its sentence says it is code or a project page.
const codeCue = /\b(?:code|codes|implementation|repository|repo|open[- ]sourc\w*|project (?:page|website|site)|website)\b/i;

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

function isCodeHost(host: string): boolean {
  return codeHosts.some((code) => host === code || host.endsWith(`.${code}`));
}

/** The sentence around an offset: from the previous `. ` to the next one. */
function sentenceAround(text: string, start: number, end: number): string {
  const before = text.lastIndexOf('. ', start);
  const after = text.indexOf('. ', end);
  return text.slice(before < 0 ? 0 : before + 2, after < 0 ? text.length : after);
}

/**
 * Finds links to a paper's code in its abstract.
 *
 * A URL counts when its host is a code forge or model hub (GitHub and `github.io` pages, GitLab,
 * Bitbucket, Codeberg, Gitee, SourceForge, sourcehut, Hugging Face, Colab, Kaggle), or when the
 * sentence it is in speaks of code, an implementation, a repository, open source or a project
 * website. Dataset, paper and DOI links elsewhere are left out. URLs inside TeX `\url{...}` count;
 * trailing sentence punctuation, braces and unbalanced closing parentheses are not part of a URL.
 *
 * @param abstract
 *   The abstract as listed.
 * @returns
 *   Distinct URLs (compared without a trailing slash and with a lower-case host) in text order.
 */
export function extractCodeLinks(abstract: string): string[] {
  const links: string[] = [];
  const seen = new Set<string>();
  for (const { url, start, end } of findUrls(abstract)) {
    const host = hostOf(url);
    if (!host || !(isCodeHost(host) || codeCue.test(sentenceAround(abstract, start, end)))) continue;
    const key = url.replace(/\/+$/, '').replace(/^(https?:\/\/)([^/]+)/i, (_, scheme: string, name: string) => scheme.toLowerCase() + name.toLowerCase());
    if (seen.has(key)) continue;
    seen.add(key);
    links.push(url);
  }
  return links;
}
