import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../../../../src/domain/import/import-types';
import { packRecords, unpackRecords } from '../../../../src/domain/import/packed-records';
import { packImportResult, unpackImportResult } from '../../../../src/domain/import/packed-result';

/** The round trip through a structured clone, as across the worker boundary. */
const acrossWorker = <T>(value: T, transfer: ArrayBuffer[] = []): T => structuredClone(value, { transfer });

describe('packRecords', () => {
  it('gives back equal records with their keys in the same order, whatever their mix of fields', () => {
    const records: Record<string, unknown>[] = [
      { id: 'a', status: 'candidate', heightM: 30 },
      { id: 'b', name: '站,"点"\n二', status: 'candidate', heightM: -0, azimuthDeg: 120.5 },
      {},
      { heightM: 12, id: 'c' },
      { id: 'd', note: { nested: [1, 2] }, flag: true, missing: undefined },
      { id: 'e', mixed: 3 },
      { id: 'f', mixed: 'three' },
    ];
    const packed = packRecords(records)!;
    const back = unpackRecords(acrossWorker(packed));
    expect(back).toStrictEqual(records);
    expect(back.map((record) => Object.keys(record))).toEqual(records.map((record) => Object.keys(record)));
    expect(Object.is(back[1]!.heightM, -0)).toBe(true);
    expect(packed.columns.find((column) => column.field === 'heightM')!.kind).toBe('number');
    expect(packed.columns.find((column) => column.field === 'status')!.kind).toBe('string');
    expect(packed.columns.find((column) => column.field === 'mixed')!.kind).toBe('plain');
  });
});

function siteResult(count: number): ImportResult {
  const features = Array.from({ length: count }, (_, index) => ({
    type: 'Feature' as const,
    geometry: { type: 'Point' as const, coordinates: [121.4 + index * 1e-7, 31.2 - index * 3e-7] },
    properties: {
      id: `S${index}`,
      status: 'candidate' as const,
      ...(index % 3 === 0 ? { name: `站${index}` } : {}),
      ...(index % 2 === 0 ? { heightM: 20 + (index % 7) } : {}),
      azimuthDeg: (index * 37) % 360,
      adcode: index % 5 === 0 ? '310101' : '310115',
    },
  }));
  return {
    layer: 'sites',
    crs: 'gcj02',
    format: 'csv',
    features,
    rejected: [{ row: 9, reason: 'outsideShanghai', params: { lon: 1, lat: 2 } }],
    warnings: [{ code: 'latLonSwapped', params: { count: 2 }, rows: [3, 4] }],
    rowUnit: 'row',
    total: count + 1,
    mapping: { fields: {}, crs: 'gcj02', needsReview: false } as unknown as ImportResult['mapping'],
    check: {
      findings: [
        { code: 'mastTall', row: 2, value: 55 },
        { code: 'sitesClose', row: 7, otherRow: 3, value: 42.5 },
      ],
      counts: { mastTall: 1, mastLow: 0, tiltOutside: 0, sectorsClose: 0, sitesClose: 1, exactDuplicate: 0 },
      checkedRows: count,
    },
  } as ImportResult;
}

describe('packImportResult', () => {
  it('crosses a structured clone packed and unpacks to the very result, key order included', () => {
    const result = siteResult(1000);
    const { value, transfer } = packImportResult(result);
    expect((value as { packed?: boolean }).packed).toBe(true);
    expect(transfer.length).toBeGreaterThan(3);
    const back = unpackImportResult(acrossWorker(value, transfer));
    expect(back).toStrictEqual(result);
    expect(JSON.stringify(back) === JSON.stringify(result)).toBe(true);
  });

  it('leaves a result with anything but 2-D points as it is', () => {
    const result = siteResult(3);
    (result.features[1]!.geometry.coordinates as number[]).push(12);
    const { value, transfer } = packImportResult(result);
    expect(value).toBe(result);
    expect(transfer).toEqual([]);
    expect(unpackImportResult(value)).toBe(result);
  });

  it('packs poles (no check) too', () => {
    const { check: _check, ...poles } = siteResult(10);
    const result = { ...poles, layer: 'poles' } as ImportResult;
    const { value, transfer } = packImportResult(result);
    expect(unpackImportResult(acrossWorker(value, transfer))).toStrictEqual(result);
  });
});
