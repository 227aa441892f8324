import { describe, expect, it } from 'vitest';
import { decodeSiteColumns, encodeSiteColumns } from '../../../../src/domain/sample/site-columns';
import {
  decodeSiteColumnsFile,
  encodeSiteColumnsFile,
} from '../../../../src/domain/sample/site-columns-file';
import type { SiteFeature } from '../../../../src/domain/types';

const site = (
  id: string,
  lon: number,
  lat: number,
  properties: Partial<SiteFeature['properties']>,
): SiteFeature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lon, lat] },
  properties: { id, ...properties },
});

const SITES: SiteFeature[] = [
  site('S-1', 121.473_701_234_567_8, 31.230_416_987_654_3, {
    name: '人民广场-1',
    kind: 'macro',
    band: 'n78',
    heightM: 32.5,
    azimuthDeg: 120,
    // Not exact in Float32: this column must stay Float64.
    mechanicalTiltDeg: 3.1,
    electricalTiltDeg: 4,
    status: 'existing',
    adcode: '310101',
    synthetic: true,
  }),
  site('S-2', 121.8, 30.9, { kind: 'indoor', radiusM: 500, poleId: 'P-7', synthetic: false }),
  site('S-3', 121.1, 31.0, {}),
];

const file = (sites = SITES) => ({ year: 2020, seed: 7, baseStations: 2, columns: encodeSiteColumns(sites) });
const buffer = (bytes: Uint8Array): ArrayBuffer => new Uint8Array(bytes).buffer;

describe('sample-network file', () => {
  it('gives back the very sites it was written from, every number bit for bit', () => {
    const read = decodeSiteColumnsFile(buffer(encodeSiteColumnsFile(file())));
    expect(read).toMatchObject({ year: 2020, seed: 7, baseStations: 2 });
    expect(decodeSiteColumns(read.columns)).toEqual(SITES);
    expect(read.columns.lon[0]).toBe(121.473_701_234_567_8);
  });

  it('stores a number column as Float32 only where that loses nothing', () => {
    const small = encodeSiteColumnsFile(file()).byteLength;
    const inexact = SITES.map((entry) => ({ ...entry, properties: { ...entry.properties, heightM: 30.1 } }));
    // heightM now needs Float64: 3 sites × 4 more bytes, give or take the alignment.
    expect(encodeSiteColumnsFile(file(inexact)).byteLength).toBeGreaterThan(small);
    const read = decodeSiteColumnsFile(buffer(encodeSiteColumnsFile(file(inexact))));
    expect(decodeSiteColumns(read.columns)[0]!.properties.heightM).toBe(30.1);
  });

  it('refuses what is not such a file, or is cut short, with the reason', () => {
    const bytes = encodeSiteColumnsFile(file());
    expect(() =>
      decodeSiteColumnsFile(new TextEncoder().encode('{"type":"FeatureCollection"}').buffer),
    ).toThrow('not a sample-network file');
    expect(() => decodeSiteColumnsFile(buffer(bytes.subarray(0, bytes.byteLength - 5)))).toThrow(/cut short/);
    const future = bytes.slice();
    const at = new TextDecoder().decode(future.subarray(0, 200)).indexOf('"format":1') + '"format":'.length;
    future[at] = '9'.charCodeAt(0);
    expect(() => decodeSiteColumnsFile(buffer(future))).toThrow(/format 9, this build reads 1/);
  });
});
