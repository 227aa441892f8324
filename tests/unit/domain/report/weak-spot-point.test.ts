import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { GapProperties } from '../../../../src/domain/coverage/gaps';
import type { CoverageStats } from '../../../../src/domain/coverage/report';
import { buildAreaReport, type ReportArea } from '../../../../src/domain/report/area-report';
import { weakSpotPoint } from '../../../../src/domain/report/weak-spot-point';

const rectangle = (west: number, south: number, east: number, north: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [east, south],
      [east, north],
      [west, north],
      [west, south],
    ],
  ],
});
// District 310199: 121.0–121.1 E, 31.0–31.1 N. The gap: a strip from 121.08 to 121.20 E, 31.04–31.06 N,
// two thirds of it in the neighbour east of 121.1, so its centroid (121.14) lies outside the district.
const districtGeometry = rectangle(121, 31, 121.1, 31.1);
const district: ReportArea = {
  target: { kind: 'district', adcode: '310199' },
  kind: 'district',
  name: '测试区',
  nameEn: 'Test',
  geometry: districtGeometry,
};
const strip = rectangle(121.08, 31.04, 121.2, 31.06);
const crossing = {
  type: 'Feature',
  properties: {
    id: 4,
    kind: 'coverage',
    areaKm2: 2.7,
    cellCount: 1,
    adcode: '310198',
    districtName: '邻区',
    centroid: [121.14, 31.05],
    weight: 1,
    priorityScore: 500,
    districtAreasKm2: { '310199': 0.9, '310198': 1.8 },
  },
  geometry: { type: 'MultiPolygon', coordinates: [strip.coordinates] },
} as Feature<MultiPolygon, GapProperties>;
const inDistrict = (point: number[]) =>
  booleanPointInPolygon(point, { type: 'Feature', properties: {}, geometry: districtGeometry });

describe('weakSpotPoint', () => {
  it('keeps the centroid of a gap whose centroid lies in the area', () => {
    const inside = {
      ...crossing,
      properties: { ...crossing.properties, centroid: [121.09, 31.05] as [number, number] },
    };
    expect(weakSpotPoint(inside, districtGeometry, inDistrict)).toEqual([121.09, 31.05]);
  });

  it('moves a border-crossing gap to its part inside the area, inside the gap too', () => {
    const point = weakSpotPoint(crossing, districtGeometry, inDistrict);
    expect(inDistrict(point)).toBe(true);
    expect(booleanPointInPolygon(point, { type: 'Feature', properties: {}, geometry: strip })).toBe(true);
    // The inside part spans 121.08–121.10 E: its middle.
    expect(point[0]).toBeCloseTo(121.09, 6);
    expect(point[1]).toBeCloseTo(31.05, 6);
  });
});

describe('district report of a gap across the border', () => {
  it('numbers the weak spot inside the district, by its part there', () => {
    const gaps: FeatureCollection<MultiPolygon, GapProperties> = {
      type: 'FeatureCollection',
      features: [crossing],
    };
    const stats = {
      districts: [{ adcode: '310199', name: '测试区', landKm2: 100, coveredKm2: 85, coveredFraction: 0.85 }],
      zones: [],
    } as unknown as CoverageStats;
    const report = buildAreaReport({
      area: district,
      stats,
      gaps,
      sites: [],
      poles: [],
      poleIndex: null,
      datacentres: [],
    });
    const [spot] = report.weakSpots;
    expect(spot!.areaKm2).toBe(0.9);
    expect(inDistrict(spot!.centroid)).toBe(true);
  });
});
