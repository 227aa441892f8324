/**
 * Long site lists stored in chunks beside the scenario record. IndexedDB clones a record on the main
 * thread when it is put; cloning a scenario with tens of thousands of added sites on every autosave
 * (after each drag, each attribute edit) was a long task (docs/measurements.md, Storage). Lists longer than CHUNK_SIZE are split into chunks of
 * CHUNK_SIZE sites under keys [scenarioId, field, index]; a save writes only the chunks whose sites
 * changed (sites are immutable values, so a chunk is unchanged when it holds the same objects), so a drag
 * rewrites one chunk. The scenario record keeps the short lists inline and, for each chunked list, its
 * count under `chunkedLists`; loading puts the lists back before migration and validation, so a missing
 * or broken chunk sends the whole record to quarantine like any other invalid record.
 */
import type { Scenario } from '../domain/scenario/scenario-types';

export const CHUNK_SIZE = 2000;

/** The scenario fields that may be stored in chunks. */
export const CHUNKED_FIELDS = ['addedSites', 'existingSites', 'poles', 'modifiedSites'] as const;
export type ChunkedField = (typeof CHUNKED_FIELDS)[number];

export type ChunkKey = [scenarioId: string, field: ChunkedField, index: number];

/** `chunkedLists` in a stored scenario record: how many items each chunked list holds. */
export type ChunkedLists = Partial<Record<ChunkedField, { count: number }>>;

type Item = Scenario[ChunkedField][number];

/** What one save writes: the scenario record, the chunks that changed, the chunk ranges to clear. */
export interface ChunkedWrite {
  record: Record<string, unknown>;
  puts: { key: ChunkKey; items: readonly Item[] }[];
  /** Delete every chunk of `field` from index `from` on. */
  clears: { field: ChunkedField; from: number }[];
  /** The chunks the database holds after this write (for the next save's comparison). */
  written: WrittenChunks;
}

/** Per field, the items of each chunk as last written (object identity is compared). */
export type WrittenChunks = Partial<Record<ChunkedField, readonly (readonly Item[])[]>>;

const sameItems = (left: readonly Item[] | undefined, right: readonly Item[]): boolean =>
  left !== undefined && left.length === right.length && left.every((item, index) => item === right[index]);

/**
 * Splits a scenario for storage. `previous` is what the database holds for this scenario as far as this
 * session knows (undefined: unknown, write every chunk).
 */
export function planChunkedWrite(scenario: Scenario, previous: WrittenChunks | undefined): ChunkedWrite {
  const record: Record<string, unknown> = { ...scenario };
  const chunkedLists: ChunkedLists = {};
  const puts: ChunkedWrite['puts'] = [];
  const clears: ChunkedWrite['clears'] = [];
  const written: WrittenChunks = {};
  for (const field of CHUNKED_FIELDS) {
    const list = scenario[field] as readonly Item[];
    const before = previous?.[field];
    if (list.length <= CHUNK_SIZE) {
      // Inline; clear chunks an earlier, longer version left (or might have left, when unknown).
      if (before === undefined || before.length > 0) clears.push({ field, from: 0 });
      written[field] = [];
      continue;
    }
    const chunks: (readonly Item[])[] = [];
    for (let start = 0; start < list.length; start += CHUNK_SIZE)
      chunks.push(list.slice(start, start + CHUNK_SIZE));
    chunks.forEach((items, index) => {
      if (!sameItems(before?.[index], items)) puts.push({ key: [scenario.id, field, index], items });
    });
    if (before === undefined || before.length > chunks.length) clears.push({ field, from: chunks.length });
    record[field] = [];
    chunkedLists[field] = { count: list.length };
    written[field] = chunks;
  }
  if (Object.keys(chunkedLists).length > 0) record.chunkedLists = chunkedLists;
  return { record, puts, clears, written };
}

/** The chunked lists a stored record announces, or undefined for a plain record. */
export function chunkedListsOf(record: unknown): ChunkedLists | undefined {
  if (typeof record !== 'object' || record === null || !('chunkedLists' in record)) return undefined;
  const lists = (record as { chunkedLists: unknown }).chunkedLists;
  return typeof lists === 'object' && lists !== null ? (lists as ChunkedLists) : {};
}

/** Items a chunked list announced that no stored chunk holds (lost chunks, short chunks), per field. */
export type MissingItems = Partial<Record<ChunkedField, number>>;

/**
 * The record with its chunked lists put back from the chunks that are stored (`present(field)`: chunk
 * index → stored value), without `chunkedLists`. Only chunks that exist are visited, so a record
 * announcing 10⁹ sites costs what is stored, not what it claims. Items of lost or broken chunks are
 * counted in `missing`, never padded: the caller decides (quarantine, then recover what is there).
 */
export function assembleRecord(
  record: Record<string, unknown>,
  lists: ChunkedLists,
  present: (field: ChunkedField) => ReadonlyMap<number, unknown>,
): { record: Record<string, unknown>; written: WrittenChunks; missing: MissingItems } {
  const { chunkedLists: _announced, ...assembled } = record;
  const written: WrittenChunks = {};
  const missing: MissingItems = {};
  for (const field of CHUNKED_FIELDS) {
    const announced = lists[field];
    if (!announced) continue;
    const count = announced.count;
    const stored = present(field);
    const countOk = Number.isSafeInteger(count) && count >= 0;
    const chunkCount = countOk ? Math.ceil(count / CHUNK_SIZE) : 0;
    const items: unknown[] = [];
    const chunks: Item[][] = [];
    for (const index of [...stored.keys()].sort((left, right) => left - right)) {
      const chunk = stored.get(index);
      if (index >= chunkCount || !Array.isArray(chunk)) continue;
      const expected = Math.min(CHUNK_SIZE, count - index * CHUNK_SIZE);
      const kept = chunk.slice(0, expected);
      items.push(...kept);
      if (kept.length === expected) chunks[index] = kept as Item[];
    }
    assembled[field] = items;
    const lost = (countOk ? count : items.length) - items.length;
    if (lost > 0 || !countOk) missing[field] = Math.max(lost, 0);
    const whole = chunks.length === chunkCount && chunks.every((chunk) => chunk !== undefined);
    written[field] = whole && lost === 0 ? chunks : undefined;
  }
  return { record: assembled, written, missing };
}
