import type { MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { ZoneCollection } from '../../../../src/domain/coverage/city-raster';
import { CoverageEngine } from '../../../../src/domain/coverage/coverage-engine';
import { describeGap, gapPolygon } from '../../../../src/domain/coverage/gap-features';
import type { GapIndex } from '../../../../src/domain/coverage/gaps';
import { gapCollection, qualityGapCollection } from '../../../../src/domain/coverage/report';
import { city, site } from '../../support/coverage/synthetic-city';

const box = (west: number, south: number, east: number, north: number): number[][][] => [
  [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ],
];

/**
 * Two zones, one of two parts side by side over the same rows (its land runs come part by part, not in
 * row order) and one across the district border.
 */
const zones: ZoneCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { id: 'pair', kind: 'key_area' },
      geometry: {
        type: 'MultiPolygon',
        coordinates: [box(121.405, 31.205, 121.425, 31.24), box(121.43, 31.21, 121.45, 31.25)],
      } as MultiPolygon,
    },
    {
      type: 'Feature',
      properties: { id: 'border', kind: 'new_city' },
      geometry: { type: 'Polygon', coordinates: box(121.44, 31.215, 121.49, 31.245) },
    },
  ],
};

/** Zone areas of every gap by brute force: each labelled cell tested against the zone's land runs. */
function naiveZoneAreas(engine: CoverageEngine, index: GapIndex): Map<number, Record<string, number>> {
  const { grid, zones: zoneInfos } = engine.city;
  const labels = index.labels;
  const result = new Map<number, Record<string, number>>();
  for (const zone of zoneInfos) {
    const inside = new Set<number>();
    for (let at = 0; at < zone.landRuns.length; at += 3) {
      const row = zone.landRuns[at]!;
      for (let column = zone.landRuns[at + 1]!; column <= zone.landRuns[at + 2]!; column++)
        inside.add(row * grid.columns + column);
    }
    for (const cell of inside) {
      const id = labels[cell]!;
      if (!index.components.has(id)) continue;
      const areas = result.get(id) ?? {};
      areas[zone.id] = (areas[zone.id] ?? 0) + grid.rowCellAreaKm2[Math.floor(cell / grid.columns)]!;
      result.set(id, areas);
    }
  }
  return result;
}

function expectZoneAreasNaive(engine: CoverageEngine, index: GapIndex): number {
  const naive = naiveZoneAreas(engine, index);
  let checked = 0;
  for (const component of index.components.values()) {
    const reported = describeGap(index, engine.city, component).zoneAreasKm2!;
    const expected = naive.get(component.id) ?? {};
    expect(Object.keys(reported).sort()).toEqual(Object.keys(expected).sort());
    for (const [zone, area] of Object.entries(expected)) {
      expect(reported[zone]).toBeCloseTo(area, 12);
      checked++;
    }
  }
  return checked;
}

/** Twelve co-channel macro masts on a lattice: at a 20 dB threshold, ~100 quality gaps between them. */
const engineWithGaps = () => {
  const engine = new CoverageEngine(
    { ...city, zones },
    { mode: 'pathloss', sinr: true, cellM: 100, minGapAreaKm2: 0, sinrThresholdDb: 20 },
  );
  const sites = [];
  for (let column = 0; column < 4; column++)
    for (let row = 0; row < 3; row++)
      sites.push(
        site(`s${column}${row}`, 121.41 + column * 0.025, 31.21 + row * 0.018, {
          kind: 'macro',
          band: 'n78',
        }),
      );
  engine.computeAll(sites);
  return engine;
};

describe('gap features', () => {
  it("split a gap's area between plan zones as a cell-by-cell count does (full compute, then edits)", () => {
    const engine = engineWithGaps();
    let checked =
      expectZoneAreasNaive(engine, engine.gaps) + expectZoneAreasNaive(engine, engine.qualityGaps);
    engine.moveSite('s11', 121.437, 31.23);
    engine.upsertSite(site('e', 121.42, 31.245, { kind: 'micro', band: 'n78' }));
    checked += expectZoneAreasNaive(engine, engine.gaps) + expectZoneAreasNaive(engine, engine.qualityGaps);
    // Both kinds of gap reach both zones: the comparison is not vacuous.
    expect(checked).toBeGreaterThan(8);
  });

  it('are never stale: after each edit every listed gap is described as a fresh description would', () => {
    const engine = engineWithGaps();
    const edits = [
      () => engine.moveSite('s11', 121.437, 31.23),
      () => engine.moveSite('s21', 121.465, 31.24),
      () => engine.removeSite('s30'),
      () => engine.upsertSite(site('f', 121.45, 31.22, { kind: 'macro', band: 'n78', azimuthDeg: 90 })),
    ];
    let changed = 0;
    let before = new Set(qualityGapCollection(engine).features.map((gap) => gap.properties.id));
    for (const edit of edits) {
      const { removedGapIds, addedGapIds } = edit();
      changed += removedGapIds.length + addedGapIds.length;
      for (const [index, collection] of [
        [engine.gaps, gapCollection(engine)],
        [engine.qualityGaps, qualityGapCollection(engine)],
      ] as const) {
        expect(collection.features.map((gap) => gap.properties.id).sort()).toEqual(
          [...index.components.keys()].sort(),
        );
        for (const feature of collection.features) {
          const component = index.components.get(feature.properties.id)!;
          expect(feature.properties).toEqual(describeGap(index, engine.city, component));
          const { polygon: _cached, ...fresh } = component;
          expect(feature.geometry).toEqual(gapPolygon(index, engine.city, { ...fresh, feature: undefined }));
        }
      }
      const after = new Set(qualityGapCollection(engine).features.map((gap) => gap.properties.id));
      for (const id of removedGapIds) if (id >= 1 << 30) expect(after.has(id)).toBe(false);
      before = after;
    }
    expect(before.size).toBeGreaterThan(0);
    expect(changed).toBeGreaterThan(0);
  });
});
