import { describe, expect, it } from 'vitest';
import { followGap, type GapFeature } from '../../../../src/domain/coverage/gap-follow';

/** A square gap from (west, south) with a side of `size` degrees. */
function square(id: number, west: number, south: number, size: number): GapFeature {
  const ring = [
    [west, south],
    [west + size, south],
    [west + size, south + size],
    [west, south + size],
    [west, south],
  ];
  return {
    type: 'Feature',
    geometry: { type: 'MultiPolygon', coordinates: [[ring]] },
    properties: {
      id,
      kind: 'coverage',
      areaKm2: size * size * 10_000,
      cellCount: Math.round(size * 1000),
      adcode: '310115',
      districtName: '浦东新区',
      centroid: [west + size / 2, south + size / 2],
      weight: 1,
      priorityScore: 1,
    },
  } as GapFeature;
}

describe('followGap', () => {
  const selected = square(7, 121.5, 31.0, 0.04);

  it('keeps the same gap when its id and cells are unchanged', () => {
    const same = { ...selected };
    expect(followGap(selected, [square(1, 121.7, 31.2, 0.01), same])).toBe(same);
  });

  it('follows a gap an added site shrank (new id, inside the old outline)', () => {
    const shrunk = square(12, 121.51, 31.01, 0.02);
    expect(followGap(selected, [square(1, 121.7, 31.2, 0.01), shrunk])?.properties.id).toBe(12);
  });

  it('follows a gap that grew around the old outline, and picks the largest of split parts', () => {
    expect(followGap(selected, [square(20, 121.49, 30.99, 0.06)])?.properties.id).toBe(20);
    const parts = [square(30, 121.501, 31.001, 0.005), square(31, 121.52, 31.02, 0.015)];
    expect(followGap(selected, parts)?.properties.id).toBe(31);
  });

  it('is gone when nothing overlaps the old outline, and an id reused elsewhere is not the same gap', () => {
    expect(followGap(selected, [square(1, 121.7, 31.2, 0.01)])).toBeNull();
    expect(followGap(selected, [square(7, 121.8, 31.3, 0.01)])).toBeNull();
  });
});
