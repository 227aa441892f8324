import { describe, expect, it } from 'vitest';
import {
  decodeSiteColumns,
  encodeSiteColumns,
  siteColumnBuffers,
} from '../../../../src/domain/sample/site-columns';
import type { SiteFeature } from '../../../../src/domain/types';

const site = (properties: SiteFeature['properties'], lon = 121.5, lat = 31.2): SiteFeature => ({
  type: 'Feature',
  properties,
  geometry: { type: 'Point', coordinates: [lon, lat] },
});

describe('site columns', () => {
  it('round-trips every carried property, and leaves absent ones absent', () => {
    const sites = [
      site({
        id: 'S2020-000001-1',
        name: '黄浦 0001-1',
        kind: 'macro',
        band: 'n78',
        heightM: 31,
        powerDbm: 53.0103,
        azimuthDeg: 117,
        beamwidthDeg: 65,
        mechanicalTiltDeg: 2,
        electricalTiltDeg: 10,
        verticalBeamwidthDeg: 10,
        status: 'existing',
        adcode: '310101',
        synthetic: true,
      }),
      site(
        {
          id: 'S2025-000002-1',
          kind: 'micro',
          band: 'n41',
          heightM: 9,
          poleId: 'P-000123',
          synthetic: false,
        },
        121.600001,
        30.9,
      ),
      site({ id: 'bare' }),
    ];
    const decoded = decodeSiteColumns(encodeSiteColumns(sites));
    expect(decoded).toEqual(sites);
    expect(Object.keys(decoded[2]!.properties)).toEqual(['id']);
  });

  it('survives a structured clone with its buffers transferred', () => {
    const sites = Array.from({ length: 1000 }, (_, index) =>
      site(
        { id: `S-${index}`, kind: 'macro', band: 'n41', azimuthDeg: index % 360, synthetic: true },
        121 + index * 1e-6,
      ),
    );
    const columns = encodeSiteColumns(sites);
    const received = structuredClone(columns, { transfer: siteColumnBuffers(columns) });
    expect(columns.lon.byteLength).toBe(0);
    expect(decodeSiteColumns(received)).toEqual(sites);
  });

  it('refuses strings that do not match the count', () => {
    const columns = encodeSiteColumns([site({ id: 'a' }), site({ id: 'b' })]);
    expect(() => decodeSiteColumns({ ...columns, strings: 'a' })).toThrow(/count/);
  });

  it('refuses strings that do not hold four fields for every site', () => {
    const columns = encodeSiteColumns([site({ id: 'a', name: 'A' }), site({ id: 'b' })]);
    expect(() => decodeSiteColumns({ ...columns, strings: columns.strings.replace('\u0001A', 'A') })).toThrow(
      /site 0 does not have its four strings/,
    );
  });
});
