import type { Feature, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { diffFeatures, featuresById } from '../../../src/map/feature-diff';

const gap = (id: number, cellCount: number, priority = 'low'): Feature<Point> => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates: [121.4, 31.2] },
  properties: { cellCount, priority },
});
const same = (a: Feature, b: Feature) =>
  a.properties?.cellCount === b.properties?.cellCount && a.properties?.priority === b.properties?.priority;

describe('diffFeatures', () => {
  it('sends only removed, new and changed features; equal-looking copies are skipped', () => {
    const shown = featuresById([gap(1, 10), gap(2, 20), gap(3, 30)])!;
    const next = featuresById([gap(1, 10), gap(3, 30, 'high'), gap(4, 5)])!;
    const diff = diffFeatures(shown, next, same);
    expect(diff.remove.sort()).toEqual([2, 3]);
    expect(diff.add.map((feature) => feature.id)).toEqual([3, 4]);
  });

  it('applied to the shown set, yields exactly the next set', () => {
    const shown = featuresById([gap(1, 1), gap(2, 2), gap(5, 5)])!;
    const next = featuresById([gap(2, 3), gap(5, 5), gap(6, 6)])!;
    const { remove, add } = diffFeatures(shown, next, same);
    const patched = new Map(shown);
    for (const id of remove) patched.delete(id);
    for (const feature of add) patched.set(feature.id!, feature);
    expect([...patched.keys()].sort()).toEqual([2, 5, 6]);
    expect(patched.get(2)!.properties!.cellCount).toBe(3);
  });

  it('refuses lists it cannot diff: a missing or repeated id', () => {
    expect(featuresById([gap(1, 1), { ...gap(1, 1), id: undefined }])).toBeNull();
    expect(featuresById([gap(1, 1), gap(1, 2)])).toBeNull();
  });
});
