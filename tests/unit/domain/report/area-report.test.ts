import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { GapProperties } from '../../../../src/domain/coverage/gaps';
import type { CoverageStats } from '../../../../src/domain/coverage/report';
import { buildAreaReport, type ReportArea } from '../../../../src/domain/report/area-report';
import { RoadIndex } from '../../../../src/domain/report/nearest-road';
import { localDistanceM, PointIndex } from '../../../../src/domain/report/point-index';
import { reportFileName, weakSpotsCsv } from '../../../../src/domain/report/weak-spot-csv';
import type { SiteFeature } from '../../../../src/domain/types';

// A 0.1° square district 310199 at 121.0–121.1 E, 31.0–31.1 N and a plan zone in its south-west quarter.
const square = (west: number, south: number, size: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [west + size, south],
      [west + size, south + size],
      [west, south + size],
      [west, south],
    ],
  ],
});
const district: ReportArea = {
  target: { kind: 'district', adcode: '310199' },
  kind: 'district',
  name: '测试区',
  nameEn: 'Test',
  geometry: square(121, 31, 0.1),
};
const zone: ReportArea = {
  target: { kind: 'zone', id: 'newtown_test' },
  kind: 'new_town',
  name: '测试新城',
  nameEn: 'Test New Town',
  geometry: square(121, 31, 0.05),
};

const site = (
  id: string,
  lon: number,
  lat: number,
  adcode: string | undefined,
  kind: 'macro' | 'micro',
  band: 'n41' | 'n78',
): SiteFeature => ({
  type: 'Feature',
  properties: { id, kind, band, ...(adcode ? { adcode } : {}) },
  geometry: { type: 'Point', coordinates: [lon, lat] },
});
const sites = [
  site('a', 121.01, 31.01, '310199', 'macro', 'n41'),
  site('b', 121.02, 31.02, '310199', 'macro', 'n78'),
  site('c', 121.08, 31.08, '310199', 'micro', 'n78'),
  site('d', 121.2, 31.2, '310100', 'macro', 'n41'),
  // A planner's site without an adcode: counted by its position.
  site('e', 121.03, 31.04, undefined, 'micro', 'n41'),
];
const pole = (lon: number, lat: number, adcode: string): Feature<Point, { adcode: string }> => ({
  type: 'Feature',
  properties: { adcode },
  geometry: { type: 'Point', coordinates: [lon, lat] },
});
const poles = [
  pole(121.0401, 31.04, '310199'),
  pole(121.0412, 31.04, '310199'),
  pole(121.09, 31.09, '310199'),
  pole(121.3, 31.3, '310100'),
];

const gap = (
  id: number,
  centroid: [number, number],
  areaKm2: number,
  priorityScore: number,
  adcode: string,
) =>
  ({
    type: 'Feature',
    properties: {
      id,
      kind: 'coverage',
      areaKm2,
      cellCount: 1,
      adcode,
      districtName: '测试区',
      centroid,
      weight: 1,
      priorityScore,
    },
    geometry: { type: 'MultiPolygon', coordinates: [] },
  }) as Feature<MultiPolygon, GapProperties>;
const gaps: FeatureCollection<MultiPolygon, GapProperties> = {
  type: 'FeatureCollection',
  features: [
    gap(7, [121.04, 31.04], 0.5, 900, '310199'),
    gap(3, [121.09, 31.09], 1.2, 1500, '310199'),
    gap(9, [121.3, 31.3], 2, 3000, '310100'),
  ],
};
const stats = {
  districts: [{ adcode: '310199', name: '测试区', landKm2: 100, coveredKm2: 85, coveredFraction: 0.85 }],
  zones: [
    {
      id: 'newtown_test',
      name: '测试新城',
      kind: 'new_town',
      landKm2: 25,
      coveredKm2: 24,
      coveredFraction: 0.96,
    },
  ],
} as unknown as CoverageStats;

const datacentres: Feature<Point, Record<string, unknown>>[] = [
  {
    type: 'Feature',
    properties: { id: 'dc_in', name: '集群', name_en: 'Cluster', tier: 'hub_cluster' },
    geometry: { type: 'Point', coordinates: [121.05, 31.05] },
  },
  {
    type: 'Feature',
    properties: { id: 'dc_out', name: '外', tier: 'other' },
    geometry: { type: 'Point', coordinates: [121.5, 31.5] },
  },
];

const input = (area: ReportArea) => ({
  area,
  stats,
  gaps,
  sites,
  poles,
  poleIndex: new PointIndex(poles.map((feature) => feature.geometry.coordinates as [number, number])),
  datacentres,
});

describe('area report', () => {
  it('takes the district coverage from the engine and counts its sites, poles and clusters', () => {
    const report = buildAreaReport(input(district));
    expect(report.coverage).toEqual({ landKm2: 100, coveredKm2: 85, coveredFraction: 0.85 });
    expect(report.sites.total).toBe(4);
    expect(report.sites.byKind).toEqual({ macro: 2, micro: 2 });
    expect(report.sites.byBand).toEqual({ n41: 2, n78: 2 });
    expect(report.sitesPerKm2).toBeCloseTo(0.04, 10);
    expect(report.polesCount).toBe(3);
    expect(report.dataCentres.map((row) => row.id)).toEqual(['dc_in']);
    expect(report.targetFraction).toBe(0.9);
  });

  it('ranks the district weak spots by priority with the poles near each', () => {
    const report = buildAreaReport(input(district));
    expect(report.weakSpots.map((spot) => [spot.rank, spot.gapId])).toEqual([
      [1, 3],
      [2, 7],
    ]);
    expect(report.weakSpotAreaKm2).toBeCloseTo(1.7, 10);
    const first = report.weakSpots[1]!;
    // Poles at 121.0401 and 121.0412 E: about 9.5 m and 114 m east of the centroid.
    expect(first.polesWithinRadius).toBe(2);
    expect(first.nearestPoleM).toBeCloseTo(localDistanceM([121.04, 31.04], [121.0401, 31.04]), 6);
    expect(first.nearestPoleM!).toBeGreaterThan(9);
    expect(first.nearestPoleM!).toBeLessThan(10);
  });

  it('classes each weak spot by the city-wide rank of its score, as the map colours it', () => {
    // City scores 3000, 1500, 900: the top 10 % (one gap, 3000) is high, down to the top 40 % (two
    // gaps, 1500) medium, the rest low. The district's own best gap is only medium.
    const report = buildAreaReport(input(district));
    expect(report.weakSpots.map((spot) => [spot.gapId, spot.priorityLevel])).toEqual([
      [3, 'medium'],
      [7, 'low'],
    ]);
  });

  it('locates each weak spot by its nearest major road and named place', () => {
    const roads = new RoadIndex([
      {
        type: 'Feature',
        properties: { highway: 'primary_link' },
        geometry: {
          type: 'LineString',
          coordinates: [
            [121.0, 31.092],
            [121.1, 31.092],
          ],
        },
      },
    ]);
    const places = [
      { name: '近站', coordinates: [121.041, 31.041] as const },
      { name: '远站', coordinates: [121.5, 31.5] as const },
    ];
    const report = buildAreaReport({ ...input(district), roads, places });
    const [first, second] = report.weakSpots;
    // Gap 3 at 31.09 N lies 0.002° (222 m) south of the road; gap 7 is 5.8 km from it (beyond 5 km).
    expect(first!.nearestRoad?.roadClass).toBe('primary');
    expect(first!.nearestRoad?.distanceM).toBeCloseTo(222.4, 0);
    expect(second!.nearestRoad).toBeNull();
    expect(second!.nearestPlace?.name).toBe('近站');
    expect(second!.nearestPlace?.distanceM).toBeCloseTo(
      localDistanceM([121.04, 31.04], [121.041, 31.041]),
      6,
    );
    // Without the layers loaded, the rows say nothing rather than something wrong.
    expect(buildAreaReport(input(district)).weakSpots[0]!.nearestRoad).toBeNull();
  });

  it('a plan zone uses its own polygon for sites, poles and weak spots', () => {
    const report = buildAreaReport(input(zone));
    expect(report.coverage?.coveredFraction).toBe(0.96);
    expect(report.sites.total).toBe(3);
    expect(report.polesCount).toBe(2);
    expect(report.weakSpots.map((spot) => spot.gapId)).toEqual([7]);
  });

  it('has no coverage (and no density) before the engine reports', () => {
    const report = buildAreaReport({ ...input(district), stats: null, gaps: null });
    expect(report.coverage).toBeNull();
    expect(report.sitesPerKm2).toBeNull();
    expect(report.weakSpots).toEqual([]);
    expect(report.sites.total).toBe(4);
  });
});

describe('point index', () => {
  it('matches brute force for counts within 300 m and the nearest distance', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const points: [number, number][] = Array.from({ length: 2000 }, () => [
      121 + random() * 0.1,
      31 + random() * 0.1,
    ]);
    const index = new PointIndex(points);
    for (let query = 0; query < 200; query++) {
      const at: [number, number] = [121 + random() * 0.12 - 0.01, 31 + random() * 0.12 - 0.01];
      const distances = points.map((point) => localDistanceM(at, point));
      const result = index.nearest(at, 300);
      expect(result.countWithin).toBe(distances.filter((distance) => distance <= 300).length);
      expect(result.nearestM).toBeCloseTo(Math.min(...distances), 6);
    }
  });

  it('reports no nearest pole beyond the search limit', () => {
    const index = new PointIndex([[121, 31]]);
    expect(index.nearest([121.2, 31], 300, 5000)).toEqual({ countWithin: 0, nearestM: null });
  });
});

describe('weak-spot CSV', () => {
  it('starts with a BOM, has a bilingual header and one CRLF row per weak spot in rank order', () => {
    const csv = weakSpotsCsv(buildAreaReport(input(district)));
    expect(csv.startsWith('\uFEFF排名 rank,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(4); // header, two rows, trailing empty
    expect(lines[1]).toBe('1,3,测试区,1.2,1500,121.09,31.09,1,0');
    expect(lines[2]!.startsWith('2,7,测试区,0.5,900,121.04,31.04,2,10')).toBe(true);
  });

  it('names files safely', () => {
    expect(reportFileName('浦东 新区/东', '2025-03-01T10:00:00Z', 'csv')).toBe('浦东-新区-东-2025-03-01.csv');
  });
});
