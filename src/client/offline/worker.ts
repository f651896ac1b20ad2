/**
 * papershelf's service worker: the site keeps working with the network cut after one visit.
 *
 * - the shell (home, search page, CSS, JS) is precached when the worker installs;
 * - pages are network-first, so a rebuilt site shows at once, and each page read is kept;
 * - `_astro/` assets (content-hashed) and the Pagefind bundle are cache-first, cached on first use;
 *   `pagefind-entry.json`, which names the current index files, is network-first;
 * - the rest of the index (`BUILD.offlineIndex` lists it) is fetched in the background after the
 *   reader's first search, or earlier, when a page asks for it (`src/client/offline/register.ts`:
 *   from the second page view on, once the browser is idle, unless the connection is slow or
 *   the reader asked to save data), so offline search works after simply browsing. Two files at a
 *   time at low priority: first every index and filter chunk and the page list, so any later
 *   search finds its results offline, not only the words already tried; then the fragments (a
 *   result's title, summary and abstract) of the first papers of the listing, within a budget
 *   set at build time, unless the reader asked to save data or storage is short. Other fragments
 *   are kept as searches show them; offline, a result without one shows its title and link from
 *   the page list;
 * - offline, a paper page never read is answered with a page made from what the worker holds:
 *   its fragment (title, summary, abstract) or, without it, its title from the page list.
 *
 * Cache keys are addresses without their query, and lookups ignore `Vary`: hosts such as
 * `astro preview` send `Vary: Origin`, and module scripts carry an `Origin` header that the
 * worker's own requests (precache, background fetches) lack, so a lookup that honoured `Vary`
 * would miss what the cache holds. Stored answers drop `Vary` too (`Vary: *` cannot be stored).
 *
 * `src/integrations/offline-bundle.ts` compiles this file to `<dist>/sw.js` after each build and
 * prepends `BUILD`: a version derived from the build's content and the precache list. A rebuild
 * that changes anything changes `sw.js`, the browser installs the new worker, and its activation
 * deletes every older papershelf cache. Everything is resolved against the worker's scope, so the
 * same file works under any `BASE_PATH`.
 */

import type { OfflineIndex } from '../../shared/offline-index.ts';
import type { PageListShard } from '../../shared/page-list.ts';

declare const BUILD: {
  /** Short content hash of the build. */
  version: string;
  /** Paths relative to the scope ('' is the home page). */
  precache: string[];
  /** JSON list of the Pagefind files to keep for offline search, relative to the scope. */
  offlineIndex: string;
  /** Folder of the page list (`src/shared/page-list.ts`), relative to the scope, with a trailing slash. */
  pageList: string;
  /** Folder of the Pagefind fragments, relative to the scope, with a trailing slash. */
  fragmentDir: string;
  /** The site's name, for the title of the pages the worker writes. */
  siteTitle: string;
};

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Response | Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
  readonly ports: readonly MessagePort[];
}
/** The part of `ServiceWorkerGlobalScope` used here (the DOM lib, which the site's code uses, lacks it). */
interface ServiceWorkerScope {
  readonly registration: ServiceWorkerRegistration;
  readonly navigator: { storage?: StorageManager; connection?: { saveData?: boolean } };
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
}

const worker = self as unknown as ServiceWorkerScope;
const cachePrefix = 'papershelf-';
const cacheName = `${cachePrefix}${BUILD.version}`;
const scopeUrl = new URL(worker.registration.scope);
const assetsUrl = new URL('_astro/', scopeUrl).href;
const pagefindUrl = new URL('pagefind/', scopeUrl).href;

/** Every lookup: the key (an address without query) decides, whatever the answer said it varies on. */
const lookup: CacheQueryOptions = { ignoreVary: true };

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(cacheName);
      // As `cache.addAll` would, all or nothing; but through `store`, which drops `Vary`.
      await Promise.all(
        BUILD.precache.map(async (path) => {
          const url = new URL(path, scopeUrl).href;
          const response = await fetch(url);
          if (!response.ok) throw new TypeError(`precache: ${url} answered ${response.status}`);
          await store(cache, url, response);
        }),
      );
      // Pages are network-first, so a new worker can take over open tabs right away.
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((name) => name.startsWith(cachePrefix) && name !== cacheName).map((name) => caches.delete(name)),
      );
      await worker.clients.claim();
    })(),
  );
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || !url.href.startsWith(scopeUrl.href)) return;
  const key = cacheKey(url.href);

  if (request.mode === 'navigate') {
    // `?q=` on the search page and the highlight parameter on paper pages do not change the HTML.
    event.respondWith(networkFirst(event, key).then((response) => response ?? offlineAnswer(key)));
  } else if (url.href.startsWith(`${pagefindUrl}pagefind-entry.json`)) {
    // Pagefind adds a cache-busting `?ts=`; the entry must be fresh online and found offline.
    event.respondWith(networkFirst(event, key).then((response) => response ?? Response.error()));
  } else if (url.href.startsWith(assetsUrl) || url.href.startsWith(pagefindUrl)) {
    event.respondWith(cacheFirst(event, key));
  } else {
    event.respondWith(networkFirst(event, key).then((response) => response ?? Response.error()));
  }
});

// Pages report what they fetched before this worker controlled them (on a first visit, all of
// it): the page itself on load, the Pagefind files after each search. A search report
// (`index: true`) also starts keeping the whole index; so does a page that found the browser
// idle on a good connection (`papershelf:prefetch`).
worker.addEventListener('message', (event) => {
  const data = event.data as { type?: unknown; urls?: unknown; url?: unknown; index?: unknown } | null;
  if (data?.type === 'papershelf:keep' && typeof data.url === 'string') {
    event.waitUntil(answerKeep(data.url, event.ports[0]));
    return;
  }
  if (data?.type === 'papershelf:prefetch') {
    event.waitUntil(fillIndex(0));
    return;
  }
  if (data?.type !== 'papershelf:cache' || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter((url): url is string => typeof url === 'string' && url.startsWith(scopeUrl.href));
  event.waitUntil(
    (async () => {
      const cache = await ownCache();
      if (!cache) return;
      for (const url of urls) {
        const key = cacheKey(url);
        // The page has just fetched it, so the HTTP cache answers without the network.
        if (!(await cache.match(key, lookup))) await store(cache, key, await fetch(url, { cache: 'force-cache' }).catch(() => undefined));
      }
      // A moment's wait leaves the network to the reader's next keystrokes first.
      if (data.index === true) await fillIndex(fillDelay);
    })(),
  );
});

/**
 * Answers a page that asks whether it can load `url` (a search result's fragment): true once the
 * cache holds it, fetched now if need be; false when the network cannot give it. The page then
 * shows the result without its details instead of failing a request.
 */
async function answerKeep(url: string, port: MessagePort | undefined): Promise<void> {
  let kept = false;
  const cache = url.startsWith(pagefindUrl) ? await ownCache() : undefined;
  if (cache) {
    const key = cacheKey(url);
    kept = (await cache.match(key, lookup)) !== undefined || (await store(cache, key, await fetch(url).catch(() => undefined)));
  }
  port?.postMessage(kept);
}

/**
 * This build's cache, or undefined once a newer worker has deleted it: this one, on its way out,
 * must not fill a cache nothing would ever delete (a page it still served may ask it to).
 */
async function ownCache(): Promise<Cache | undefined> {
  return (await caches.has(cacheName)) ? caches.open(cacheName) : undefined;
}

/**
 * The key of a request: its address without the query. Pages ignore theirs (`?q=`,
 * `?highlight=`), Pagefind's entry carries a cache-busting `?ts=`, and nothing else the worker
 * keeps has one.
 */
function cacheKey(href: string): string {
  const url = new URL(href);
  return url.origin + url.pathname;
}

let filling: Promise<void> | undefined;

/** Milliseconds between a search report and the start of the background fetches. */
const fillDelay = 1000;

/** Background fetches at once: enough to finish in seconds, few enough to leave the reader's own requests room. */
const backgroundFetches = 2;

/** Starts keeping the index after `delay` milliseconds, unless a run is under way: one at a time. */
function fillIndex(delay: number): Promise<void> {
  filling ??= new Promise((resolve) => setTimeout(resolve, delay))
    .then(keepIndex)
    .finally(() => (filling = undefined));
  return filling;
}

/**
 * Fetches what the offline list names and the cache lacks: the index first, then the fragments.
 * The list itself, stored last, marks completion; an interrupted run (the network went away, the
 * browser stopped the worker) leaves it out, and the next search report or idle page resumes
 * where it stopped.
 */
async function keepIndex(): Promise<void> {
  const cache = await ownCache();
  if (!cache) return;
  const listUrl = new URL(BUILD.offlineIndex, scopeUrl).href;
  if (await cache.match(listUrl, lookup)) return;
  const response = await fetch(listUrl).catch(() => undefined);
  if (!response?.ok) return;
  const list = (await response.clone().json()) as OfflineIndex;
  const kept = new Set((await cache.keys()).map((request) => request.url));
  const missing = (paths: string[]) => paths.map((path) => new URL(path, scopeUrl).href).filter((url) => !kept.has(url));

  if (!(await fetchAll(cache, missing(list.core)))) return;
  // Fragments are a convenience (excerpts offline): skipped, for good, on a data saver or short storage.
  if (!worker.navigator.connection?.saveData && (await hasRoomFor(list.fragmentBytes))) {
    if (!(await fetchAll(cache, missing(list.fragments.map((id) => `${list.fragmentDir}${id}.pf_fragment`))))) return;
  }
  await store(cache, listUrl, response);
}

/** Fetches and stores `urls`, a few at a time, at low priority; false if any failed. */
async function fetchAll(cache: Cache, urls: string[]): Promise<boolean> {
  const queue = [...urls];
  let complete = true;
  const fetchNext = async (): Promise<void> => {
    for (let url = queue.shift(); url; url = queue.shift()) {
      const response = await fetch(url, { priority: 'low' }).catch(() => undefined);
      complete = (await store(cache, url, response)) && complete;
    }
  };
  await Promise.all(Array.from({ length: backgroundFetches }, fetchNext));
  return complete;
}

/** Whether the origin's storage quota leaves twice `bytes` free (true when the browser cannot tell). */
async function hasRoomFor(bytes: number): Promise<boolean> {
  const estimate = await worker.navigator.storage?.estimate().catch(() => undefined);
  if (estimate?.quota === undefined || estimate.usage === undefined) return true;
  return estimate.quota - estimate.usage > 2 * bytes;
}

// Both strategies hand the response over at once and store it in the background (`waitUntil`):
// the page does not wait for a disk write.

async function cacheFirst(event: FetchEvent, key: string): Promise<Response> {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(key, lookup);
  if (cached) return cached;
  const response = await fetch(event.request);
  event.waitUntil(store(cache, key, response.clone()));
  return response;
}

/** The network's answer, stored under `key`; offline, the stored copy (or nothing). */
async function networkFirst(event: FetchEvent, key: string): Promise<Response | undefined> {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(event.request);
    event.waitUntil(store(cache, key, response.clone()));
    return response;
  } catch {
    return cache.match(key, lookup);
  }
}

/**
 * Stores a whole, same-origin, successful answer (never a 404, a redirect or a partial range),
 * without its `Vary` header: lookups ignore it anyway, and `Vary: *` would make `put` throw.
 */
async function store(cache: Cache, key: string, response: Response | undefined): Promise<boolean> {
  if (!response || response.status !== 200 || response.type !== 'basic' || response.redirected) return false;
  await cache.put(key, withoutVary(response));
  return true;
}

function withoutVary(response: Response): Response {
  if (!response.headers.has('vary')) return response;
  const headers = new Headers(response.headers);
  headers.delete('vary');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** What the worker holds about a paper whose page it does not have. */
interface KeptPaper {
  title: string;
  /** From its fragment; undefined when that is not kept, and only the page list's title is. */
  details?: { summary: string | undefined; abstract: string | undefined };
}

/** The answer to a navigation that neither the network nor the cache can give. */
async function offlineAnswer(key: string): Promise<Response> {
  return offlinePage(await findKeptPaper(key).catch(() => undefined));
}

/**
 * The paper at `key` as the index knows it: its fragment (title, summary and abstract, which
 * Pagefind keeps for excerpts) when kept, else its title from the page list; undefined for a page
 * the index does not hold.
 */
async function findKeptPaper(key: string): Promise<KeptPaper | undefined> {
  const cache = await caches.open(cacheName);
  const entry = (await readPageList(cache)).get(new URL(key).pathname);
  if (!entry) {
    // The list may have been read while the worker was still keeping it: read it again next time.
    pageList = undefined;
    return undefined;
  }
  const [id, title] = entry;
  const fragment = await cache.match(new URL(`${BUILD.fragmentDir}${id}.pf_fragment`, scopeUrl).href, lookup);
  const page = fragment && (await readFragment(fragment).catch(() => undefined));
  if (!page) return { title };
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
  return { title: text(page.meta?.title) ?? title, details: { summary: text(page.meta?.summary), abstract: text(page.content) } };
}

let pageList: Promise<Map<string, [id: string, title: string]>> | undefined;

/**
 * The kept page list by path (`/papers/<slug>/` under the scope): page id and title. Shards go by
 * page id, which a path does not tell, so every kept shard is read, once per worker start: 1.6 MB
 * of JSON in 256 shards at 10,000 papers (about 0.3 s in Chromium, then 30 ms a page), only for an
 * offline visit to a page never read. A second list by path would cost every reader 0.6 MB more.
 */
function readPageList(cache: Cache): Promise<Map<string, [id: string, title: string]>> {
  pageList ??= (async () => {
    const folder = new URL(BUILD.pageList, scopeUrl).href;
    const shards = (await cache.keys()).filter(({ url }) => url.startsWith(folder) && !url.endsWith('/index.json'));
    const byPath = new Map<string, [id: string, title: string]>();
    await Promise.all(
      shards.map(async (request) => {
        const shard = (await (await cache.match(request, lookup))?.json()) as PageListShard | undefined;
        for (const [id, [url, title]] of Object.entries(shard ?? {})) {
          // Pagefind's addresses are relative to the site's root, which is the scope.
          byPath.set(new URL(url.replace(/^\/+/, ''), scopeUrl).pathname, [id, title]);
        }
      }),
    );
    return byPath;
  })();
  pageList.catch(() => (pageList = undefined));
  return pageList;
}

/** A Pagefind 1.x fragment: gzip around `pagefind_dcd` and the page's JSON. */
async function readFragment(response: Response): Promise<{ content?: unknown; meta?: Record<string, unknown> }> {
  if (!response.body) throw new TypeError('empty fragment');
  const data = await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).text();
  const signature = 'pagefind_dcd';
  if (!data.startsWith(signature)) throw new TypeError('not a Pagefind fragment');
  return JSON.parse(data.slice(signature.length)) as { content?: unknown; meta?: Record<string, unknown> };
}

/** Text as HTML: every character that could open markup or end an attribute, escaped. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * The page shown for a navigation the worker cannot answer: a paper's summary and abstract (or
 * its title alone) when the index holds it, else a notice. Every text is escaped and the page
 * may run nothing (its policy allows its own styles only). Status 503: it stands in for a page
 * that could not be loaded, and is never stored.
 */
function offlinePage(paper: KeptPaper | undefined): Response {
  const home = escapeHtml(scopeUrl.href);
  const search = escapeHtml(new URL('search/', scopeUrl).href);
  const site = escapeHtml(BUILD.siteTitle);
  let title: string;
  let main: string;
  if (!paper) {
    title = 'You are offline';
    main =
      '<h1>You are offline</h1><p>This page has not been read on this device yet, so it is not available offline. ' +
      `The pages you have read, and search, still work: <a href="${home}">go to the listing</a> or <a href="${search}">search</a>.</p>`;
  } else {
    title = escapeHtml(paper.title);
    const { summary, abstract } = paper.details ?? {};
    const kept = paper.details
      ? 'This paper has not been read on this device yet: here are its summary and abstract, kept offline for search.'
      : 'This paper has not been read on this device yet, and only its title is kept offline.';
    main =
      `<article><h1>${title}</h1>` +
      `<p class="note"><strong>You are offline.</strong> ${kept} The full page will load when you are back online. ` +
      `Meanwhile, <a href="${home}">the listing</a>, <a href="${search}">search</a> and the pages you have read work offline.</p>` +
      (summary ? `<p class="summary">${escapeHtml(summary)}</p>` : '') +
      (abstract ? `<section aria-labelledby="abstract"><h2 id="abstract">Abstract</h2><p>${escapeHtml(abstract)}</p></section>` : '') +
      '</article>';
  }
  const html =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<meta name="color-scheme" content="light dark"><title>${title} · ${site}</title><style>${offlineStyle}</style></head>` +
    `<body><header><nav aria-label="Site"><a href="${home}">${site}</a> <a href="${search}">Search</a></nav></header>` +
    `<main>${main}</main></body></html>`;
  return new Response(html, {
    status: 503,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
      'cache-control': 'no-store',
    },
  });
}

const offlineStyle =
  'body{font:1rem/1.6 system-ui,sans-serif;max-width:40rem;margin:0 auto;padding:1rem}' +
  'nav{display:flex;gap:1rem;padding-bottom:.75rem;border-bottom:1px solid GrayText}' +
  'h1{font-size:1.6rem;line-height:1.25}.note{padding:.5rem .75rem;border:1px solid GrayText;border-radius:.25rem}' +
  '.summary{font-style:italic}';

export {};
