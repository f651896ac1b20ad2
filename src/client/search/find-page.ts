import { pageListDir, pageListShard, type PageListIndex, type PageListShard } from '../../shared/page-list.ts';

const base = import.meta.env.BASE_URL;
const shards = new Map<string, Promise<PageListShard>>();
let index: Promise<PageListIndex> | undefined;

/** A page's address (under the base) and title, from the page list. */
export interface PageSummary {
  url: string;
  title: string;
}

/**
 * The address and title of a Pagefind result from the page list, for when its fragment cannot be
 * loaded (offline, not kept). Undefined when the page list cannot be loaded either.
 *
 * @param id
 *   Pagefind's page id (`result.id`).
 */
export async function findPage(id: string): Promise<PageSummary | undefined> {
  try {
    index ??= fetchJson<PageListIndex>('index.json');
    const name = pageListShard(id, (await index).prefixLength);
    let shard = shards.get(name);
    if (!shard) shards.set(name, (shard = fetchJson<PageListShard>(name)));
    const entry = (await shard)[id];
    if (!entry) return undefined;
    // Pagefind stores addresses relative to the site's root; the site lives under the base.
    return { url: `${base}${entry[0]}`.replace(/\/{2,}/g, '/'), title: entry[1] };
  } catch {
    index = undefined;
    shards.clear();
    return undefined;
  }
}

async function fetchJson<T>(name: string): Promise<T> {
  const response = await fetch(`${base}${pageListDir}/${name}`);
  if (!response.ok) throw new Error(`${response.status} fetching ${name}`);
  return (await response.json()) as T;
}
