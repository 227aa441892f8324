/**
 * Issue 14 item 1: a site on the shore, a pier or reclaimed land inside Shanghai's administrative
 * boundary (with its waters) is inside Shanghai and takes the nearest district, checked against an
 * independent brute force over every district vertex; a point beyond the boundary stays outside.
 */

import { readFileSync } from 'node:fs';
import distance from '@turf/distance';
import { describe, expect, it } from 'vitest';
import { buildImport } from '../../../../src/domain/import/build-import';
import { readImportSource } from '../../../../src/domain/import/read-source';
import type { DistrictCollection } from '../../../../src/domain/types';
import { geography } from '../../support/import/load';

const districts = JSON.parse(readFileSync('data/geo/districts.geojson', 'utf8')) as DistrictCollection;

/** The district with the nearest boundary vertex, and how much nearer it is than the runner-up (km). */
function nearestByVertices(lon: number, lat: number): { adcode: string; marginKm: number } {
  const best = districts.features
    .map((district) => {
      const rings =
        district.geometry.type === 'Polygon'
          ? district.geometry.coordinates
          : district.geometry.coordinates.flat();
      let nearest = Number.POSITIVE_INFINITY;
      for (const ring of rings)
        for (const vertex of ring) nearest = Math.min(nearest, distance([lon, lat], vertex));
      return { adcode: district.properties.adcode, km: nearest };
    })
    .sort((a, b) => a.km - b.km);
  return { adcode: best[0]!.adcode, marginKm: best[1]!.km - best[0]!.km };
}

// Coastal strip, estuary and offshore points inside the boundary, none inside a district polygon.
const COASTAL: [number, number][] = [
  [121.68, 31.32],
  [121.66, 31.34],
  [121.6, 31.38],
  [121.95, 30.87],
  [121.98, 31.05],
  [121.5, 31.45],
];

describe('inside Shanghai is the administrative boundary with its waters', () => {
  it('coastal points outside every district polygon take the nearest district', () => {
    for (const [lon, lat] of COASTAL) {
      const adcode = geography.districtAt(lon, lat);
      const expected = nearestByVertices(lon, lat);
      expect(adcode, `${lon},${lat}`).toBeDefined();
      // Vertices are at most ~115 m apart: where two districts are that close, either is right.
      if (expected.marginKm > 0.2) expect(adcode, `${lon},${lat}`).toBe(expected.adcode);
    }
  });

  it('a point beyond the boundary (the open sea, Jiangsu) is outside', () => {
    expect(geography.districtAt(122.6, 31.0)).toBeUndefined();
    expect(geography.districtAt(120.9, 31.6)).toBeUndefined();
    expect(geography.onLand(121.68, 31.32)).toBe(false);
  });

  it('an import keeps coastal rows (with their district) and rejects the one in the open sea', async () => {
    const lines = ['站号,经度,纬度', ...COASTAL.map(([lon, lat], index) => `C${index + 1},${lon},${lat}`)];
    lines.push('far,122.6,31.0');
    const read = await readImportSource({
      name: 'coast.csv',
      bytes: new TextEncoder().encode(lines.join('\n')),
    });
    if (!read.ok) throw new Error('not read');
    const result = await buildImport(read.source, { layer: 'sites', crs: 'wgs84' }, geography);
    expect(result.features.map((feature) => feature.properties.id)).toEqual(
      COASTAL.map((_, index) => `C${index + 1}`),
    );
    expect(result.features.every((feature) => /^3101\d\d$/.test(feature.properties.adcode ?? ''))).toBe(true);
    expect(result.rejected).toEqual([{ row: 8, reason: 'outsideShanghai', params: { lon: 122.6, lat: 31 } }]);
  });
});
