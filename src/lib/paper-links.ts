import { findUrls } from '../pipeline/find-urls.ts';

/** A way from a paper page to the paper itself. */
export interface PaperLink {
  text: string;
  href: string;
}

const arxivId = /\b(?:arxiv\.org\/(?:abs|pdf)\/|arXiv:\s?)(\d{4}\.\d{4,5})(?:v\d+)?/i;
const doi = /\b(10\.\d{4,9}\/[^\s"<>]*[^\s"<>.,;:)\]}])/;

/**
 * The paper's own address when the listing text gives one (an arXiv id, a DOI or a PDF), then
 * title searches on arXiv, Semantic Scholar and Google Scholar. Plain links: nothing is requested
 * from those sites until a reader clicks.
 *
 * @returns
 *   Direct links first, then the searches.
 */
export function findPaperLinks(title: string, abstract: string): { direct: PaperLink[]; searches: PaperLink[] } {
  const direct: PaperLink[] = [];
  const arxiv = arxivId.exec(abstract)?.[1];
  if (arxiv) direct.push({ text: `arXiv:${arxiv}`, href: `https://arxiv.org/abs/${arxiv}` });
  const doiName = doi.exec(abstract)?.[1];
  if (doiName) direct.push({ text: `DOI ${doiName}`, href: `https://doi.org/${doiName}` });
  const pdf = findUrls(abstract).find((match) => /\.pdf$/i.test(new URL(match.url).pathname) && !/arxiv\.org/i.test(match.url));
  if (pdf) direct.push({ text: 'PDF', href: pdf.url });
  const query = encodeURIComponent(title);
  return {
    direct,
    searches: [
      { text: 'arXiv', href: `https://arxiv.org/search/?query=${query}&searchtype=title` },
      { text: 'Semantic Scholar', href: `https://www.semanticscholar.org/search?q=${query}` },
      { text: 'Google Scholar', href: `https://scholar.google.com/scholar?q=${encodeURIComponent(`"${title}"`)}` },
    ],
  };
}
