/**
 * Runs on every page (the header's search component): small and eager. It wires the shortcut,
 * loads the search UI and Pagefind only when the reader turns to search, registers the service
 * worker (`../offline/register.ts`), and marks the search words on a page opened from a result.
 */
import { registerOfflineWorker } from '../offline/register.ts';
import { highlightParam } from './params.ts';
import { loadPagefind } from './pagefind-api.ts';

export function startSearch(): void {
  const root = document.querySelector<HTMLElement>('[data-search]');
  const input = root?.querySelector<HTMLInputElement>('input[type="search"]');
  if (!root || !input) return;

  let mounted: Promise<void> | undefined;
  const mount = () => {
    // Pagefind (library, wasm, index entry) loads alongside the UI, not after it.
    if (!mounted) void loadPagefind().catch(() => undefined);
    mounted ??= import('./header.ts').then(({ mountHeaderSearch }) => mountHeaderSearch(root));
  };
  input.addEventListener('focus', mount, { once: true });
  if (document.activeElement === input) mount();

  // Ctrl+K / Cmd+K: a modifier shortcut, so it cannot fire while typing (WCAG 2.1.4).
  const mac = /mac|iphone|ipad/i.test(navigator.platform);
  const hint = root.querySelector<HTMLElement>('[data-search-shortcut]');
  if (hint) {
    hint.textContent = mac ? '⌘K' : 'Ctrl K';
    hint.hidden = false;
  }
  document.addEventListener('keydown', (event) => {
    if (event.key.toLowerCase() !== 'k' || !(mac ? event.metaKey : event.ctrlKey) || event.altKey || event.shiftKey) return;
    event.preventDefault();
    // On the search page, the page's own box is the one to use.
    const target = document.querySelector<HTMLInputElement>('[data-search-page] input[type="search"]') ?? input;
    target.focus();
    target.select();
  });

  // The service worker (production builds only): pages and, from the second page view on, the
  // search index are kept for offline use.
  const worker = root.dataset.serviceWorker;
  if (worker) registerOfflineWorker(worker);

  const words = new URLSearchParams(location.search).get(highlightParam);
  if (words) void import('./highlight.ts').then(({ highlightWords }) => highlightWords(words));
}
