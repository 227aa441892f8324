import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { labelPoints } from '../../../../src/domain/geo/label-points';

const zones: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { id: 'square', name: '方城' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [2, 0],
            [2, 2],
            [0, 2],
            [0, 0],
          ],
        ],
      },
    },
    {
      // A U shape: its centroid falls in the notch, outside the zone.
      type: 'Feature',
      properties: { id: 'u', name: 'U' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [10, 0],
            [13, 0],
            [13, 3],
            [12, 3],
            [12, 1],
            [11, 1],
            [11, 3],
            [10, 3],
            [10, 0],
          ],
        ],
      },
    },
    { type: 'Feature', properties: { id: 'point' }, geometry: { type: 'Point', coordinates: [5, 5] } },
  ],
};

describe('labelPoints', () => {
  it('gives each zone one point, with its properties: the centroid where it lies inside', () => {
    const points = labelPoints(zones);
    expect(points.features.map((feature) => feature.properties?.id)).toEqual(['square', 'u']);
    expect(points.features[0]!.geometry.coordinates).toEqual([1, 1]);
    expect(points.features[0]!.properties).toEqual({ id: 'square', name: '方城' });
  });

  it('puts the point on the zone when the centroid falls outside it', () => {
    const u = labelPoints(zones).features[1]!;
    expect(booleanPointInPolygon(u.geometry, zones.features[1] as never)).toBe(true);
  });
});
