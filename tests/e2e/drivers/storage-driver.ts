/**
 * What the app keeps in the browser's IndexedDB, read and written from the specs as the browser holds
 * it (plain IndexedDB calls in the page, no app code), plus a small storage quota through the DevTools
 * protocol, as a full disk would impose.
 */
import type { CDPSession, Page } from '@playwright/test';

export const DATABASE_NAME = 'shanghai-infra-planner';

export interface StoredSummary {
  /** Every scenario record's key, name and site count (chunks included). */
  scenarios: { key: string; name: unknown; addedIds: string[] }[];
  quarantineCount: number;
}

/** A plain site feature as a record stores it. */
export function siteRecord(id: string, longitude: number, latitude: number): Record<string, unknown> {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [longitude, latitude] },
    properties: { id, status: 'candidate', kind: 'macro', band: 'n78' },
  };
}

/** A v3 scenario record (an older build's; the app migrates it) with these added sites inline. */
export function scenarioRecord(id: string, name: string, sites: unknown[]): Record<string, unknown> {
  return {
    id,
    name,
    createdAt: '2025-05-01T08:00:00.000Z',
    updatedAt: '2025-05-01T08:00:00.000Z',
    schemaVersion: 3,
    baselineRef: { id: 'sample-2020' },
    addedSites: sites,
    modifiedSites: [],
    removedSiteIds: [],
    existingSites: [],
    poles: [],
  };
}

/** Reads every stored scenario (putting chunked lists back together) and the quarantine's size. */
export function readStored(page: Page): Promise<StoredSummary> {
  return page.evaluate(async (name) => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = <T>(store: string, method: 'getAll' | 'getAllKeys'): Promise<T[]> =>
      new Promise((resolve, reject) => {
        const request = database.transaction(store).objectStore(store)[method]();
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(request.error);
      });
    const keys = await all<string>('scenarios', 'getAllKeys');
    const records = await all<Record<string, unknown>>('scenarios', 'getAll');
    const chunkKeys = await all<[string, string, number]>('siteChunks', 'getAllKeys');
    const chunks = await all<{ properties: { id: string } }[]>('siteChunks', 'getAll');
    const quarantine = await all<unknown>('quarantine', 'getAllKeys');
    database.close();
    const scenarios = keys.map((key, index) => {
      const record = records[index]!;
      const inline = Array.isArray(record.addedSites)
        ? (record.addedSites as { properties: { id: string } }[])
        : [];
      const chunked = chunkKeys
        .map((chunkKey, chunkIndex) => ({ chunkKey, items: chunks[chunkIndex]! }))
        .filter(({ chunkKey }) => chunkKey[0] === key && chunkKey[1] === 'addedSites')
        .sort((left, right) => left.chunkKey[2] - right.chunkKey[2])
        .flatMap(({ items }) => items);
      const sites = (record.chunkedLists as { addedSites?: unknown } | undefined)?.addedSites
        ? chunked
        : inline;
      return { key, name: record.name, addedIds: sites.map((site) => site.properties.id) };
    });
    return { scenarios, quarantineCount: quarantine.length };
  }, DATABASE_NAME);
}

/** Writes records straight into the app's stores, as a damaged or older database would hold them. */
export function writeRaw(
  page: Page,
  writes: { store: 'scenarios' | 'siteChunks' | 'meta'; key: unknown; value: unknown }[],
): Promise<void> {
  return page.evaluate(
    async ({ name, writes }) => {
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const transaction = database.transaction(['scenarios', 'siteChunks', 'meta'], 'readwrite');
      for (const write of writes) {
        // A value JSON cannot spell: the spec marks it as a string, the page makes the BigInt.
        const value = JSON.parse(JSON.stringify(write.value), (_key, item) =>
          typeof item === 'string' && item.startsWith('bigint:') ? BigInt(item.slice(7)) : item,
        );
        transaction.objectStore(write.store).put(value, write.key as IDBValidKey);
      }
      await new Promise<void>((resolve, reject) => {
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
      });
      database.close();
    },
    { name: DATABASE_NAME, writes },
  );
}

/** Limits the origin's storage quota (like a full disk), or lifts the limit with `null`. */
export async function setQuota(
  session: CDPSession,
  origin: string,
  quotaBytes: number | null,
): Promise<void> {
  await session.send(
    'Storage.overrideQuotaForOrigin',
    quotaBytes === null ? { origin } : { origin, quotaSize: quotaBytes },
  );
}

/** How much the origin uses now, as the page sees it. */
export function usageBytes(page: Page): Promise<number> {
  return page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
}

/**
 * Whether writing this many bytes of incompressible text to a scratch database fails now: the only
 * way to see a quota override in force (estimate() keeps showing the real quota, and the override
 * takes effect a moment after the call returns). The scratch database is deleted after.
 */
export function probeWriteFails(page: Page, bytes: number): Promise<boolean> {
  return page.evaluate(async (length) => {
    const text = Array.from({ length }, () => String.fromCharCode(33 + Math.floor(Math.random() * 90))).join(
      '',
    );
    const open = indexedDB.open('quota-probe', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('probe');
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const transaction = database.transaction('probe', 'readwrite');
    transaction.objectStore('probe').put(text, 'probe');
    const failed = await new Promise<boolean>((resolve) => {
      transaction.oncomplete = () => resolve(false);
      transaction.onabort = () => resolve(true);
      transaction.onerror = () => resolve(true);
    });
    database.close();
    await new Promise((resolve) => {
      const deletion = indexedDB.deleteDatabase('quota-probe');
      deletion.onsuccess = deletion.onerror = deletion.onblocked = resolve;
    });
    return failed;
  }, bytes);
}
