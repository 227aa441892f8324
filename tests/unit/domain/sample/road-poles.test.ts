import { readFileSync } from 'node:fs';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { FeatureCollection, MultiLineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { localMetresFrame } from '../../../../src/domain/geo/geodesy';
import {
  CORRIDOR_HALF_WIDTH_M,
  generateRoadPoles,
  MIN_POLE_SEPARATION_FRACTION,
  POLE_SPACING_M,
} from '../../../../src/domain/sample/road-poles';
import type { PoleProperties } from '../../../../src/domain/types';

const frame = localMetresFrame(31.05);
const east = (metres: number) => metres / frame.metresPerDegreeLon;
const north = (metres: number) => metres / frame.metresPerDegreeLat;
const distanceM = (a: Position, b: Position) =>
  Math.hypot((a[0]! - b[0]!) * frame.metresPerDegreeLon, (a[1]! - b[1]!) * frame.metresPerDegreeLat);

const box = (west: number, south: number, eastLon: number, northLat: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [eastLon, south],
      [eastLon, northLat],
      [west, northLat],
      [west, south],
    ],
  ],
});
const land = {
  type: 'FeatureCollection' as const,
  features: [
    {
      type: 'Feature' as const,
      properties: { adcode: '310999', name: '测试区' },
      geometry: box(121, 31, 121.1, 31.1),
    },
  ],
};
/** Everything in the box is urban except its eastern tenth, which is rural. */
const environment = {
  type: 'FeatureCollection' as const,
  features: [
    {
      type: 'Feature' as const,
      properties: { environment: 'suburban' as const },
      geometry: box(121, 31, 121.09, 31.1),
    },
    {
      type: 'Feature' as const,
      properties: { environment: 'urban' as const },
      geometry: box(121, 31, 121.09, 31.1),
    },
  ],
};
const roads = (
  lines: Record<string, Position[][]>,
): FeatureCollection<MultiLineString, { highway: string }> => ({
  type: 'FeatureCollection',
  features: Object.entries(lines).map(([highway, coordinates]) => ({
    type: 'Feature',
    properties: { highway },
    geometry: { type: 'MultiLineString', coordinates },
  })),
});
const west0 = 121.01;
const lat0 = 31.05;
/** A 3 km east–west divided road: two one-way carriageways 40 m apart, mapped in opposite directions. */
const eastbound = [
  [west0, lat0],
  [west0 + east(3000), lat0],
];
const westbound = [
  [west0 + east(3000), lat0 + north(40)],
  [west0, lat0 + north(40)],
];

describe('generateRoadPoles on a synthetic road network', () => {
  it('puts one row of poles on a divided road, at the urban spacing', () => {
    const poles = generateRoadPoles(
      { roads: roads({ primary: [eastbound, westbound] }), land, environment },
      { seed: 1 },
    ).features;
    const spacingM = POLE_SPACING_M.urban;
    expect(poles.length).toBeGreaterThanOrEqual(Math.floor(3000 / spacingM) - 1);
    expect(poles.length).toBeLessThanOrEqual(Math.ceil(3000 / spacingM));
    // All on the first carriageway: the second runs parallel inside its corridor.
    for (const pole of poles) expect(pole.geometry.coordinates[1]).toBeCloseTo(lat0, 5);
    const sorted = poles.map((pole) => pole.geometry.coordinates).sort((a, b) => a[0]! - b[0]!);
    for (let index = 1; index < sorted.length; index++) {
      expect(distanceM(sorted[index - 1]!, sorted[index]!)).toBeCloseTo(spacingM, -1);
    }
    expect(CORRIDOR_HALF_WIDTH_M).toBeGreaterThan(40);
  });

  it('gives a parallel road outside the corridor its own poles, and a crossing road its own, apart from junctions', () => {
    const parallel = [
      [west0, lat0 + north(300)],
      [west0 + east(3000), lat0 + north(300)],
    ];
    const crossing = [
      [west0 + east(1500), lat0 - north(1000)],
      [west0 + east(1500), lat0 + north(1000)],
    ];
    const poles = generateRoadPoles(
      {
        roads: roads({ primary: [eastbound, westbound, parallel], secondary: [crossing] }),
        land,
        environment,
      },
      { seed: 1 },
    ).features.map((pole) => pole.geometry.coordinates);
    const onParallel = poles.filter((position) => Math.abs(position[1]! - (lat0 + north(300))) < 1e-5);
    const onCrossing = poles.filter((position) => Math.abs(position[0]! - (west0 + east(1500))) < 1e-5);
    expect(onParallel.length).toBeGreaterThanOrEqual(24);
    expect(onCrossing.length).toBeGreaterThanOrEqual(14);
    const minimumM = POLE_SPACING_M.urban * MIN_POLE_SEPARATION_FRACTION;
    for (let a = 0; a < poles.length; a++) {
      for (let b = a + 1; b < poles.length; b++) {
        expect(distanceM(poles[a]!, poles[b]!)).toBeGreaterThanOrEqual(minimumM - 0.5);
      }
    }
  });

  it('spaces poles by the environment: wider on rural land, none off the land mask', () => {
    const longRoad = [
      [121.08, 31.02],
      [121.11, 31.02],
    ];
    const poles = generateRoadPoles(
      { roads: roads({ secondary: [longRoad] }), land, environment },
      { seed: 1 },
    )
      .features.map((pole) => pole.geometry.coordinates)
      .sort((a, b) => a[0]! - b[0]!);
    expect(poles.every((position) => position[0]! <= 121.1)).toBe(true);
    const gaps = poles.slice(1).map((position, index) => distanceM(poles[index]!, position));
    expect(gaps.some((gap) => Math.abs(gap - POLE_SPACING_M.urban) < 15)).toBe(true);
    expect(gaps.some((gap) => Math.abs(gap - POLE_SPACING_M.rural) < 15)).toBe(true);
  });

  it('is deterministic, and the seed only changes heights', () => {
    const input = { roads: roads({ primary: [eastbound, westbound] }), land, environment };
    const a = generateRoadPoles(input, { seed: 1 });
    expect(JSON.stringify(generateRoadPoles(input, { seed: 1 }))).toBe(JSON.stringify(a));
    const b = generateRoadPoles(input, { seed: 2 });
    expect(b.features.map((pole) => pole.geometry.coordinates)).toEqual(
      a.features.map((pole) => pole.geometry.coordinates),
    );
    expect(b.features.map((pole) => pole.properties.heightM)).not.toEqual(
      a.features.map((pole) => pole.properties.heightM),
    );
  });
});

describe('data/geo/sample-poles.geojson', () => {
  const poles = JSON.parse(readFileSync('data/geo/sample-poles.geojson', 'utf8')) as FeatureCollection<
    Point,
    PoleProperties
  >;
  const zones = JSON.parse(readFileSync('data/geo/plan-zones.geojson', 'utf8')) as FeatureCollection<
    Polygon | MultiPolygon,
    { id: string }
  >;

  it('holds 30,000–40,000 synthetic poles with unique ids and 8–12 m heights', () => {
    expect(poles.features.length).toBeGreaterThan(30_000);
    expect(poles.features.length).toBeLessThan(40_000);
    expect(new Set(poles.features.map((pole) => pole.properties.id)).size).toBe(poles.features.length);
    for (const pole of poles.features) {
      expect(pole.properties.synthetic).toBe(true);
      expect(pole.properties.heightM).toBeGreaterThanOrEqual(8);
      expect(pole.properties.heightM).toBeLessThanOrEqual(12);
    }
  });

  it('reaches the new towns of 南汇 and 奉贤 (the old poles followed metro stations only)', () => {
    for (const id of ['newtown_nanhui', 'newtown_fengxian']) {
      const zone = zones.features.find((feature) => feature.properties.id === id)!;
      const inside = poles.features.filter((pole) => booleanPointInPolygon(pole.geometry, zone)).length;
      expect(inside, id).toBeGreaterThan(300);
    }
    // The Fengxian and Pudong coast south of 30.9° N, far from any metro station, has poles along its roads.
    const southCoast = poles.features.filter(
      (pole) => pole.geometry.coordinates[1]! < 30.9 && pole.properties.adcode === '310120',
    ).length;
    expect(southCoast).toBeGreaterThan(200);
  });

  it('keeps poles apart: no two nearer than half the smallest spacing', () => {
    const minimumM = Math.min(...Object.values(POLE_SPACING_M)) * MIN_POLE_SEPARATION_FRACTION;
    const buckets = new Map<string, Position[]>();
    const key = (position: Position, dx = 0, dy = 0) =>
      `${Math.floor((position[0]! * frame.metresPerDegreeLon) / 100) + dx}:${Math.floor((position[1]! * frame.metresPerDegreeLat) / 100) + dy}`;
    let nearest = Number.POSITIVE_INFINITY;
    for (const pole of poles.features) {
      const position = pole.geometry.coordinates;
      for (const dx of [-1, 0, 1])
        for (const dy of [-1, 0, 1])
          for (const other of buckets.get(key(position, dx, dy)) ?? [])
            nearest = Math.min(nearest, distanceM(position, other));
      const own = key(position);
      buckets.set(own, [...(buckets.get(own) ?? []), position]);
    }
    // Rounding to 6 decimals moves a pole by < 0.1 m.
    expect(nearest).toBeGreaterThanOrEqual(minimumM - 0.2);
  });
});
