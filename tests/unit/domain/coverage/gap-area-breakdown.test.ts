import { describe, expect, it } from 'vitest';
import type { ZoneCollection } from '../../../../src/domain/coverage/city-raster';
import { CoverageEngine } from '../../../../src/domain/coverage/coverage-engine';
import { compareGapPriority } from '../../../../src/domain/coverage/gap-ranking';
import type { GapProperties } from '../../../../src/domain/coverage/gaps';
import { coverageStats, gapCollection } from '../../../../src/domain/coverage/report';
import { buildAreaReport } from '../../../../src/domain/report/area-report';
import { city, site } from '../../support/coverage/synthetic-city';

/** A plan zone across the Huangpu–Pudong border (121.46°E). */
const borderZone: ZoneCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { id: 'border', kind: 'key_area' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [121.44, 31.21],
            [121.48, 31.21],
            [121.48, 31.25],
            [121.44, 31.25],
            [121.44, 31.21],
          ],
        ],
      },
    },
  ],
};

const sum = (values: Record<string, number> | undefined) =>
  Object.values(values ?? {}).reduce((total, value) => total + value, 0);

/** Each district's and the zone's uncovered land from the engine's own statistics. */
function uncovered(engine: CoverageEngine) {
  const stats = coverageStats(engine);
  return {
    stats,
    district: (adcode: string) => {
      const row = stats.districts.find((district) => district.adcode === adcode)!;
      return row.landKm2 - row.coveredKm2;
    },
    zone: stats.zones.map((zone) => zone.landKm2 - zone.coveredKm2)[0]!,
  };
}

describe('a gap across a district border', () => {
  for (const path of ['full compute', 'edit'] as const) {
    it(`is split by district and zone, parts summing to the whole (${path})`, () => {
      const engine = new CoverageEngine({ ...city, zones: borderZone }, { cellM: 100, minGapAreaKm2: 0 });
      engine.computeAll([site('far', 121.41, 31.21, { radiusM: 500 })]);
      if (path === 'edit') engine.upsertSite(site('middle', 121.5, 31.23, { radiusM: 600 }));
      const gaps = gapCollection(engine).features.map((gap) => gap.properties);
      const figures = uncovered(engine);
      const mainland = gaps.filter(
        (gap) => sum(gap.districtAreasKm2) > 0 && !('310151' in gap.districtAreasKm2!),
      );
      for (const gap of gaps) expect(sum(gap.districtAreasKm2)).toBeCloseTo(gap.areaKm2, 9);
      // All uncovered land of the two mainland districts is in gaps (no minimum size here).
      for (const adcode of ['310101', '310115']) {
        const parts = mainland.reduce((total, gap) => total + (gap.districtAreasKm2![adcode] ?? 0), 0);
        expect(parts).toBeCloseTo(figures.district(adcode), 9);
      }
      const zoneParts = gaps.reduce((total, gap) => total + (gap.zoneAreasKm2?.border ?? 0), 0);
      expect(zoneParts).toBeCloseTo(figures.zone, 9);
      expect(gaps.some((gap) => Object.keys(gap.districtAreasKm2!).length === 2)).toBe(true);
    });
  }

  it("a district's weak-spot area counts its part only, never more than its uncovered land", () => {
    const engine = new CoverageEngine({ ...city, zones: borderZone }, { cellM: 100, minGapAreaKm2: 0 });
    engine.computeAll([site('west', 121.405, 31.205, { radiusM: 300 })]);
    const figures = uncovered(engine);
    const gaps = gapCollection(engine);
    for (const adcode of ['310101', '310115']) {
      const report = buildAreaReport({
        area: {
          target: { kind: 'district', adcode },
          kind: 'district',
          name: adcode,
          nameEn: adcode,
          geometry: city.districts.features.find((feature) => feature.properties.adcode === adcode)!.geometry,
        },
        stats: figures.stats,
        gaps,
        sites: [],
        poles: [],
        poleIndex: null,
        datacentres: [],
      });
      expect(report.weakSpotAreaKm2).toBeCloseTo(figures.district(adcode), 9);
      expect(report.weakSpotAreaKm2).toBeLessThanOrEqual(figures.district(adcode) + 1e-9);
      // The one gap crossing the border shows its part here and its whole size beside it.
      const crossing = report.weakSpots.find((row) => row.totalAreaKm2 > row.areaKm2 + 1e-9);
      expect(crossing).toBeDefined();
    }
  });
});

describe('the one ranking', () => {
  const gap = (id: number, priorityScore: number, areaKm2: number) =>
    ({ id, priorityScore, areaKm2 }) as GapProperties;
  it('orders by priority, then area, then id, so equal scores never swap', () => {
    const ranked = [gap(5, 10, 1), gap(2, 30, 1), gap(9, 10, 2), gap(1, 10, 1)].sort(compareGapPriority);
    expect(ranked.map((item) => item.id)).toEqual([2, 9, 1, 5]);
  });
});
