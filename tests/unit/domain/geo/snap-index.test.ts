import { describe, expect, it } from 'vitest';
import { haversineM as distanceMeters } from '../../../../src/domain/geo/geodesy';
import { PoleSnapIndex } from '../../../../src/domain/planner/pole-snap-index';
import type { PoleFeature } from '../../../../src/domain/types';

function pole(id: string, longitude: number, latitude: number, heightM = 10): PoleFeature {
  return {
    type: 'Feature',
    properties: { id, heightM },
    geometry: { type: 'Point', coordinates: [longitude, latitude] },
  };
}

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

describe('pole snapping index', () => {
  it('measures 0.001° of latitude as about 111 m', () => {
    expect(distanceMeters(121.47, 31.23, 121.47, 31.231)).toBeCloseTo(111.2, 0);
  });

  it('snaps within the distance and not beyond it', () => {
    // 0.0002° of latitude ≈ 22.2 m north of the query point.
    const index = PoleSnapIndex.fromFeatures([pole('P-1', 121.47, 31.2302, 12)]);
    expect(index.nearest(121.47, 31.23, 30)?.pole).toEqual({
      id: 'P-1',
      longitude: 121.47,
      latitude: 31.2302,
      heightM: 12,
    });
    expect(index.nearest(121.47, 31.23, 20)).toBeNull();
  });

  it('finds the same nearest pole as a brute-force search, also across cell edges and for radii beyond a cell', () => {
    const next = random(7);
    const features = Array.from({ length: 3000 }, (_, index) =>
      pole(`P-${index}`, 121.4 + next() * 0.1, 31.2 + next() * 0.08),
    );
    const index = PoleSnapIndex.fromFeatures(features, 50);
    for (let query = 0; query < 400; query++) {
      const longitude = 121.4 + next() * 0.1;
      const latitude = 31.2 + next() * 0.08;
      const radius = [10, 30, 49, 120][query % 4]!;
      let best: { id: string; distance: number } | null = null;
      for (const feature of features) {
        const [poleLongitude = 0, poleLatitude = 0] = feature.geometry.coordinates;
        const distance = distanceMeters(longitude, latitude, poleLongitude, poleLatitude);
        if (distance <= radius && (!best || distance < best.distance))
          best = { id: feature.properties.id, distance };
      }
      const found = index.nearest(longitude, latitude, radius);
      expect(found?.pole.id ?? null).toBe(best?.id ?? null);
    }
  });
});
