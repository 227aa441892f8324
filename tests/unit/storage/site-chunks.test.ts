import { describe, expect, it } from 'vitest';
import { applyChange } from '../../../src/domain/history/apply-change';
import type { Scenario } from '../../../src/domain/scenario/scenario-types';
import { decideStoredRecord } from '../../../src/domain/scenario/stored-record';
import {
  assembleRecord,
  CHUNK_SIZE,
  type ChunkedWrite,
  chunkedListsOf,
  planChunkedWrite,
} from '../../../src/storage/site-chunks';
import { emptyScenario, site } from '../support/scenario/scenario-fixtures';

const withSites = (count: number): Scenario =>
  applyChange(emptyScenario(), {
    type: 'putSites',
    sites: Array.from({ length: count }, (_, index) => site(`C${index}`, 121 + index * 1e-5, 31.2)),
  }).scenario;

/** Reads a write back the way the repository does, from the chunks it put. */
async function readBack(write: ChunkedWrite) {
  const stored = new Map(write.puts.map(({ key, items }) => [key.join('|'), items]));
  const lists = chunkedListsOf(write.record);
  if (!lists) return write.record;
  const { record, missing } = assembleRecord(write.record, lists, (field) => {
    const chunks = new Map<number, unknown>();
    for (const [key, items] of stored) {
      const [id, storedField, index] = key.split('|');
      if (id === write.record.id && storedField === field) chunks.set(Number(index), items);
    }
    return chunks;
  });
  expect(missing).toEqual({});
  return record;
}

describe('site lists in chunks', () => {
  it('keeps short lists inline and clears chunks a longer version may have left', () => {
    const write = planChunkedWrite(withSites(10), undefined);
    expect(write.puts).toEqual([]);
    expect((write.record.addedSites as unknown[]).length).toBe(10);
    expect(write.record.chunkedLists).toBeUndefined();
    expect(write.clears.map((clear) => clear.field)).toContain('addedSites');
  });

  it('splits a long list and reads it back as the same scenario', async () => {
    const scenario = withSites(2 * CHUNK_SIZE + 500);
    const write = planChunkedWrite(scenario, undefined);
    expect(write.puts.map(({ key }) => key)).toEqual([
      [scenario.id, 'addedSites', 0],
      [scenario.id, 'addedSites', 1],
      [scenario.id, 'addedSites', 2],
    ]);
    expect(write.record.addedSites).toEqual([]);
    expect(write.record.chunkedLists).toEqual({ addedSites: { count: 2 * CHUNK_SIZE + 500 } });
    const decision = decideStoredRecord(await readBack(write));
    expect(decision.kind).toBe('valid');
    if (decision.kind === 'valid') expect(decision.scenario).toEqual(scenario);
  });

  it('after one site moved, writes only the chunk that holds it', () => {
    const scenario = withSites(3 * CHUNK_SIZE);
    const first = planChunkedWrite(scenario, undefined);
    const moved = applyChange(scenario, {
      type: 'moveSites',
      moves: [{ id: `C${CHUNK_SIZE + 7}`, coordinates: [121.6, 31.3] }],
    }).scenario;
    const second = planChunkedWrite(moved, first.written);
    expect(second.puts.map(({ key }) => key)).toEqual([[scenario.id, 'addedSites', 1]]);
    expect(second.clears).toEqual([]);
  });

  it('a list that shrank clears the chunks past its end', () => {
    const first = planChunkedWrite(withSites(3 * CHUNK_SIZE), undefined);
    const shorter = planChunkedWrite(withSites(CHUNK_SIZE + 1), first.written);
    expect(shorter.clears).toEqual([{ field: 'addedSites', from: 2 }]);
    const inline = planChunkedWrite(withSites(5), first.written);
    expect(inline.clears).toEqual([{ field: 'addedSites', from: 0 }]);
  });

  it('a missing chunk is counted as missing items, never padded or silently shorter', () => {
    const write = planChunkedWrite(withSites(2 * CHUNK_SIZE + 1), undefined);
    const chunks = new Map(write.puts.map(({ key, items }) => [key[2], items]));
    chunks.delete(1);
    const assembled = assembleRecord(write.record, chunkedListsOf(write.record)!, () => chunks);
    expect(assembled.missing).toEqual({ addedSites: CHUNK_SIZE });
    expect((assembled.record.addedSites as unknown[]).length).toBe(CHUNK_SIZE + 1);
    expect(assembled.written.addedSites).toBeUndefined();
  });

  it('a record announcing 10⁹ sites costs what is stored, and says what is missing', () => {
    const record = {
      ...planChunkedWrite(withSites(3), undefined).record,
      chunkedLists: { addedSites: { count: 1e9 } },
    };
    const one = withSites(CHUNK_SIZE).addedSites;
    const assembled = assembleRecord(record, chunkedListsOf(record)!, () => new Map([[0, one]]));
    expect((assembled.record.addedSites as unknown[]).length).toBe(CHUNK_SIZE);
    expect(assembled.missing).toEqual({ addedSites: 1e9 - CHUNK_SIZE });
    // A count that is no count at all is reported too (as nothing found missing beyond what is there).
    const broken = { ...record, chunkedLists: { addedSites: { count: 'many' } } };
    expect(assembleRecord(broken, chunkedListsOf(broken)!, () => new Map()).missing).toEqual({
      addedSites: 0,
    });
  });
});

describe('validation of a saved scenario', () => {
  it('a site found invalid stays invalid at the next check (only valid sites are remembered)', async () => {
    const { validateScenario } = await import('../../../src/domain/scenario/scenario-schema');
    const bad = site('X1', 121.4, 95); // latitude out of range
    const scenario = { ...withSites(3), addedSites: [...withSites(3).addedSites, bad] };
    expect(validateScenario(scenario).ok).toBe(false);
    expect(validateScenario(scenario).ok).toBe(false);
    expect(validateScenario(withSites(3)).ok).toBe(true);
  });
});
