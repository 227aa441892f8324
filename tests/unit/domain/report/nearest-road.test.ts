import distance from '@turf/distance';
import { describe, expect, it } from 'vitest';
import { type RoadFeature, RoadIndex, roadClassOf } from '../../../../src/domain/report/nearest-road';

/** A deterministic pseudo-random sequence (mulberry32), so the fixture is the same on every run. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const CLASSES = ['motorway', 'trunk_link', 'primary', 'secondary', 'secondary_link'];

function syntheticRoads(count: number, next: () => number): RoadFeature[] {
  return Array.from({ length: count }, (_, index) => {
    const start: [number, number] = [121.3 + next() * 0.4, 31.0 + next() * 0.3];
    const line: [number, number][] = [start];
    for (let step = 0; step < 4; step++) {
      const last = line[line.length - 1]!;
      line.push([last[0] + (next() - 0.5) * 0.01, last[1] + (next() - 0.5) * 0.01]);
    }
    return {
      type: 'Feature',
      properties: { highway: CLASSES[index % CLASSES.length] },
      geometry:
        index % 3 === 0
          ? { type: 'MultiLineString', coordinates: [line.slice(0, 3), line.slice(2)] }
          : { type: 'LineString', coordinates: line },
    };
  });
}

/** Naive, independent answer: every segment densified to ~1 m steps, haversine distance to each point. */
function naiveNearest(roads: RoadFeature[], point: [number, number]) {
  let bestM = Number.POSITIVE_INFINITY;
  let bestHighway: unknown;
  for (const road of roads) {
    const lines =
      road.geometry.type === 'LineString' ? [road.geometry.coordinates] : road.geometry.coordinates;
    for (const line of lines) {
      for (let index = 1; index < line.length; index++) {
        const a = line[index - 1]!;
        const b = line[index]!;
        const steps = Math.ceil(distance(a, b, { units: 'meters' }));
        for (let step = 0; step <= steps; step++) {
          const t = step / steps;
          const along = [a[0]! + (b[0]! - a[0]!) * t, a[1]! + (b[1]! - a[1]!) * t];
          const metres = distance(point, along, { units: 'meters' });
          if (metres < bestM) {
            bestM = metres;
            bestHighway = road.properties?.highway;
          }
        }
      }
    }
  }
  return { distanceM: bestM, roadClass: roadClassOf(bestHighway) };
}

describe('RoadIndex.nearest', () => {
  it('folds ramps into their road class', () => {
    expect(roadClassOf('primary_link')).toBe('primary');
    expect(roadClassOf('motorway')).toBe('motorway');
    expect(roadClassOf('residential')).toBe('other');
    expect(roadClassOf(undefined)).toBe('other');
  });

  it('agrees with a densified haversine search within 1.5 m', () => {
    const next = random(7);
    const roads = syntheticRoads(40, next);
    const index = new RoadIndex(roads);
    for (let query = 0; query < 25; query++) {
      const point: [number, number] = [121.3 + next() * 0.4, 31.0 + next() * 0.3];
      const found = index.nearest(point, 50_000);
      const expected = naiveNearest(roads, point);
      expect(found).not.toBeNull();
      expect(Math.abs(found!.distanceM - expected.distanceM)).toBeLessThan(1.5 + expected.distanceM * 0.002);
      expect(found!.roadClass).toBe(expected.roadClass);
    }
  });

  it('finds a road beside the point and none beyond the limit', () => {
    const road: RoadFeature = {
      type: 'Feature',
      properties: { highway: 'trunk' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [121.4, 31.2],
          [121.42, 31.2],
        ],
      },
    };
    const index = new RoadIndex([road]);
    // 0.001° of latitude north of the road's middle: 111 m.
    const near = index.nearest([121.41, 31.201]);
    expect(near?.roadClass).toBe('trunk');
    expect(near?.distanceM).toBeCloseTo(111.2, 0);
    expect(index.nearest([121.41, 31.25], 2_000)).toBeNull();
  });
});
