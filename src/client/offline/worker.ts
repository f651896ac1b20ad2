/**
 * papershelf's service worker: the site keeps working with the network cut after one visit.
 *
 * - the shell (home, search page, CSS, JS) is precached when the worker installs;
 * - pages are network-first, so a rebuilt site shows at once, and each page read is kept;
 * - `_astro/` assets (content-hashed) and the Pagefind bundle are cache-first, cached on first use;
 *   `pagefind-entry.json`, which names the current index files, is network-first;
 * - after the reader's first search, the rest of the index (`BUILD.offlineIndex` lists it) is
 *   fetched in the background, two files at a time at low priority: first every index and filter
 *   chunk and the page list, so any later search finds its results offline, not only the words
 *   already tried; then the fragments (a result's title and excerpt) of the first papers of the
 *   listing, within a budget set at build time, unless the reader asked to save data or storage
 *   is short. Other fragments are kept as searches show them; offline, a result without one
 *   shows its title and link from the page list.
 *
 * `src/integrations/offline-bundle.ts` compiles this file to `<dist>/sw.js` after each build and
 * prepends `BUILD`: a version derived from the build's content and the precache list. A rebuild
 * that changes anything changes `sw.js`, the browser installs the new worker, and its activation
 * deletes every older papershelf cache. Everything is resolved against the worker's scope, so the
 * same file works under any `BASE_PATH`.
 */

import type { OfflineIndex } from '../../shared/offline-index.ts';

declare const BUILD: {
  /** Short content hash of the build. */
  version: string;
  /** Paths relative to the scope ('' is the home page). */
  precache: string[];
  /** JSON list of the Pagefind files to keep for offline search, relative to the scope. */
  offlineIndex: string;
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

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(cacheName);
      await cache.addAll(BUILD.precache.map((path) => new URL(path, scopeUrl).href));
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

  if (request.mode === 'navigate') {
    // `?q=` on the search page and the highlight parameter on paper pages do not change the HTML.
    event.respondWith(networkFirst(event, cacheKey(url.href)).then((response) => response ?? offlinePage()));
  } else if (url.href.startsWith(`${pagefindUrl}pagefind-entry.json`)) {
    // Pagefind adds a cache-busting `?ts=`; the entry must be fresh online and found offline.
    event.respondWith(networkFirst(event, cacheKey(url.href)).then((response) => response ?? Response.error()));
  } else if (url.href.startsWith(assetsUrl) || url.href.startsWith(pagefindUrl)) {
    event.respondWith(cacheFirst(event));
  } else {
    event.respondWith(networkFirst(event, url.href).then((response) => response ?? Response.error()));
  }
});

// Pages report what they fetched before this worker controlled them (on a first visit, all of
// it): the page itself on load, the Pagefind files after each search. A search report
// (`index: true`) also starts keeping the whole index.
worker.addEventListener('message', (event) => {
  const data = event.data as { type?: unknown; urls?: unknown; url?: unknown; index?: unknown } | null;
  if (data?.type === 'papershelf:keep' && typeof data.url === 'string') {
    event.waitUntil(answerKeep(data.url, event.ports[0]));
    return;
  }
  if (data?.type !== 'papershelf:cache' || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter((url): url is string => typeof url === 'string' && url.startsWith(scopeUrl.href));
  event.waitUntil(
    (async () => {
      const cache = await caches.open(cacheName);
      for (const url of urls) {
        const key = cacheKey(url);
        // The page has just fetched it, so the HTTP cache answers without the network.
        if (!(await cache.match(key))) await store(cache, key, await fetch(url, { cache: 'force-cache' }).catch(() => undefined));
      }
      if (data.index === true) {
        // A moment's wait leaves the network to the reader's next keystrokes first.
        filling ??= new Promise((resolve) => setTimeout(resolve, fillDelay))
          .then(() => keepIndex(cache))
          .finally(() => (filling = undefined));
        await filling;
      }
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
  if (url.startsWith(pagefindUrl)) {
    const cache = await caches.open(cacheName);
    kept = (await cache.match(url)) !== undefined || (await store(cache, url, await fetch(url).catch(() => undefined)));
  }
  port?.postMessage(kept);
}

/** Pages and the Pagefind entry are kept without their query (`?q=`, `?highlight=`, `?ts=`). */
function cacheKey(href: string): string {
  const url = new URL(href);
  const hashed = href.startsWith(assetsUrl) || (href.startsWith(pagefindUrl) && !url.pathname.endsWith('/pagefind-entry.json'));
  return hashed ? href : url.origin + url.pathname;
}

let filling: Promise<void> | undefined;

/** Milliseconds between the first search report and the start of the background fetches. */
const fillDelay = 1000;

/** Background fetches at once: enough to finish in seconds, few enough to leave the reader's own requests room. */
const backgroundFetches = 2;

/**
 * Fetches what the offline list names and the cache lacks: the index first, then the fragments.
 * The list itself, stored last, marks completion; an interrupted run (the network went away, the
 * browser stopped the worker) leaves it out, and the next search report resumes where it stopped.
 */
async function keepIndex(cache: Cache): Promise<void> {
  const listUrl = new URL(BUILD.offlineIndex, scopeUrl).href;
  if (await cache.match(listUrl)) return;
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

async function cacheFirst(event: FetchEvent): Promise<Response> {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(event.request);
  if (cached) return cached;
  const response = await fetch(event.request);
  event.waitUntil(store(cache, event.request.url, response.clone()));
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
    return cache.match(key);
  }
}

/** Stores a whole, same-origin, successful answer (never a 404, a redirect or a partial range). */
async function store(cache: Cache, key: string, response: Response | undefined): Promise<boolean> {
  if (!response || response.status !== 200 || response.type !== 'basic' || response.redirected) return false;
  await cache.put(key, response);
  return true;
}

function offlinePage(): Response {
  const home = scopeUrl.href;
  const html =
    '<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<title>Offline · papershelf</title><body style="font:1rem/1.6 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem">' +
    '<h1>You are offline</h1><p>This page has not been read on this device yet, so it is not available offline. ' +
    `The pages you have read, and search, still work: <a href="${home}">go to the listing</a> or <a href="${home}search/">search</a>.</p>`;
  return new Response(html, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

export {};
