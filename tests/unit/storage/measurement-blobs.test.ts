import { describe, expect, it } from 'vitest';
import type { MeasurementSet } from '../../../src/domain/calibration/measurement-set';
import {
  measurementSetFromStored,
  prepareStoredMeasurementSets,
  storedMeasurementSet,
} from '../../../src/storage/measurement-blobs';

const set: MeasurementSet = {
  id: 'm-1',
  name: '路测.csv',
  importedAt: '2025-03-01T08:00:00.000Z',
  crs: 'gcj02',
  count: 3,
  rowNumbers: Uint32Array.from([2, 3, 5]),
  lon: Float64Array.from([121.5, 121.500001, 121.6]),
  lat: Float64Array.from([31.2, 31.2000001, 31.3]),
  rsrpDbm: Float32Array.from([-80.5, -95, -120.25]),
  sinrDb: Float32Array.from([12, Number.NaN, -3]),
  pci: Int16Array.from([17, -1, 1007]),
  cellIndex: Int32Array.from([0, -1, 1]),
  cellIds: ['A-1', '小区2'],
  timeMs: Float64Array.from([1.7e12, Number.NaN, 1.7e12 + 1000]),
};

describe('measurement sets stored with Blob columns', () => {
  it('stores every column as a Blob and reads the same set back', async () => {
    const stored = storedMeasurementSet(set);
    for (const key of ['rowNumbers', 'lon', 'lat', 'rsrpDbm', 'sinrDb', 'pci', 'cellIndex', 'timeMs'])
      expect(stored.columnBlobs[key as keyof typeof stored.columnBlobs]).toBeInstanceOf(Blob);
    expect(stored).not.toHaveProperty('lon');
    expect(stored.cellIds).toEqual(['A-1', '小区2']);
    // What IndexedDB would do with it: a structured clone.
    const read = await measurementSetFromStored(structuredClone(stored));
    expect(read.current).toBe(true);
    expect(read.set).toEqual(set);
    expect((read.set as MeasurementSet).pci).toBeInstanceOf(Int16Array);
  });

  it('leaves out the optional columns a set does not have', async () => {
    const { sinrDb: _sinr, pci: _pci, cellIndex: _cell, cellIds: _ids, timeMs: _time, ...bare } = set;
    const stored = storedMeasurementSet(bare);
    expect(Object.keys(stored.columnBlobs).sort()).toEqual(['lat', 'lon', 'rowNumbers', 'rsrpDbm']);
    expect((await measurementSetFromStored(stored)).set).toEqual(bare);
  });

  it('reads a set in the old shape as it is, marked for rewriting', async () => {
    const read = await measurementSetFromStored(set);
    expect(read).toEqual({ set, current: false });
  });

  it('refuses a column whose bytes are not whole values', async () => {
    const stored = storedMeasurementSet(set);
    stored.columnBlobs.lon = new Blob([new Uint8Array(7)]);
    const read = (await measurementSetFromStored(stored)).set as Record<string, unknown>;
    expect(read.lon).toBeNull();
    expect(read.lat).toEqual(set.lat);
  });
});

describe('stored forms made ahead, a slice per task', () => {
  it('makes the same record in slices of at most 256 KB, one per task, and the save then reuses it', async () => {
    const count = 100_000;
    const big: MeasurementSet = {
      ...set,
      id: 'm-big',
      count,
      rowNumbers: Uint32Array.from({ length: count }, (_, index) => index + 2),
      lon: Float64Array.from({ length: count }, (_, index) => 121 + index * 1e-6),
      lat: Float64Array.from({ length: count }, (_, index) => 31 + index * 1e-6),
      rsrpDbm: Float32Array.from({ length: count }, (_, index) => -60 - (index % 90)),
      sinrDb: undefined,
      pci: undefined,
      cellIndex: undefined,
      cellIds: undefined,
      timeMs: undefined,
    };
    let tasks = 0;
    await prepareStoredMeasurementSets([big], async () => {
      tasks++;
    });
    // 400 KB + 800 KB + 800 KB + 400 KB in 256 KB slices: 2 + 4 + 4 + 2.
    expect(tasks).toBe(12);
    const stored = storedMeasurementSet(big);
    expect(storedMeasurementSet(big)).toBe(stored);
    expect(stored.columnBlobs.lon!.size).toBe(count * 8);
    expect((await measurementSetFromStored(structuredClone(stored))).set).toEqual(big);
    // Made once: a second call yields no more.
    await prepareStoredMeasurementSets([big], async () => {
      tasks++;
    });
    expect(tasks).toBe(12);
  });
});
