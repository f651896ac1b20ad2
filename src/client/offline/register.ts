/**
 * The page's side of offline use (the worker is `worker.ts`): registers the service worker, has
 * the page kept, and asks the worker to keep the search index while the reader browses, so that
 * offline search works without a search first.
 *
 * The index is asked for from the second page view on (the first installs the worker, and its
 * network is the reader's), once the browser is idle, on a connection that is neither slow nor
 * saving data. The worker fetches it at low priority, two files at a time, and only once: later
 * page views find it kept and cost nothing.
 */

/** The Network Information API, where the browser has it (Chromium). */
interface Connection {
  saveData?: boolean;
  effectiveType?: string;
}

/**
 * Registers the worker at `url` for the site's base. Does nothing where service workers are not
 * available; a host that does not serve the worker leaves the site working, only not offline.
 */
export function registerOfflineWorker(url: string): void {
  if (!('serviceWorker' in navigator)) return;
  // Whether a worker already served this page: read now, before registering changes nothing of it.
  const returning = navigator.serviceWorker.controller !== null;
  const register = async () => {
    const registration = await navigator.serviceWorker.register(url, { scope: import.meta.env.BASE_URL }).catch(() => undefined);
    if (!registration) return;
    // The page a reader lands on first loaded before the worker existed: have it kept too.
    const { active } = await navigator.serviceWorker.ready;
    active?.postMessage({ type: 'papershelf:cache', urls: [location.href] });
    if (returning) whenIdle(() => navigator.serviceWorker.controller?.postMessage({ type: 'papershelf:prefetch' }));
  };
  if (document.readyState === 'complete') void register();
  else addEventListener('load', () => void register(), { once: true });
}

/** Runs `task` once the browser is idle, unless the reader is offline or the connection should be spared. */
function whenIdle(task: () => void): void {
  const run = () => {
    if (navigator.onLine && !spareConnection()) task();
  };
  // Safari has no idle callback: a few seconds after load stands in for it.
  if ('requestIdleCallback' in window) requestIdleCallback(run);
  else setTimeout(run, 3000);
}

/** Save-Data, or a 2G-class connection, on which a background download of the index would cost the reader. */
function spareConnection(): boolean {
  const connection = (navigator as Navigator & { connection?: Connection }).connection;
  return connection?.saveData === true || connection?.effectiveType === 'slow-2g' || connection?.effectiveType === '2g';
}
