/**
 * The browser's storage for this origin: how much is used, how much is allowed, and whether the browser
 * promised to keep it (persistent storage is not evicted under storage pressure, so saved scenarios do
 * not vanish when the disk fills up). Absent APIs (old browsers, some private windows) give undefined.
 */

export interface StorageSpace {
  usageBytes: number;
  quotaBytes: number;
  /** True when the browser keeps this origin's data until the user clears it. */
  persisted: boolean;
}

type StorageManagerLike = Pick<StorageManager, 'estimate' | 'persist' | 'persisted'>;

const manager = (): StorageManagerLike | undefined =>
  typeof navigator !== 'undefined' && navigator.storage && typeof navigator.storage.estimate === 'function'
    ? navigator.storage
    : undefined;

/** Asks the browser to keep this origin's data (it may decide silently); resolves to whether it does. */
export async function requestPersistentStorage(storage = manager()): Promise<boolean> {
  if (!storage || typeof storage.persist !== 'function') return false;
  try {
    return (await storage.persisted()) || (await storage.persist());
  } catch {
    return false;
  }
}

/** What the origin uses now, or undefined when the browser does not say. */
export async function estimateStorageSpace(storage = manager()): Promise<StorageSpace | undefined> {
  if (!storage) return undefined;
  try {
    const estimate = await storage.estimate();
    const persisted = typeof storage.persisted === 'function' ? await storage.persisted() : false;
    return { usageBytes: estimate.usage ?? 0, quotaBytes: estimate.quota ?? 0, persisted };
  } catch {
    return undefined;
  }
}
