import type { FeatureCollection, MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { polePicksInGaps } from '../../../../src/domain/suggest/pole-gap-check';
import type { SuggestedSite } from '../../../../src/domain/suggest/suggest-types';

const pick = (id: string, lon: number, lat: number, source: SuggestedSite['source']): SuggestedSite =>
  ({
    rank: 1,
    id,
    lon,
    lat,
    source,
    gainKm2: 0,
    gainPercentagePoints: 0,
    cumulativeKm2: 0,
    gapsClosed: [],
    gainWeight: 0,
    cityGainKm2: 0,
    template: {},
  }) as unknown as SuggestedSite;

// One gap: a 0.02° square at (121.50–121.52, 31.00–31.02) with a covered hole in its middle.
const gaps: FeatureCollection<MultiPolygon> = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [121.5, 31.0],
              [121.52, 31.0],
              [121.52, 31.02],
              [121.5, 31.02],
              [121.5, 31.0],
            ],
            [
              [121.508, 31.008],
              [121.512, 31.008],
              [121.512, 31.012],
              [121.508, 31.012],
              [121.508, 31.008],
            ],
          ],
        ],
      },
    },
  ],
};

describe('pole picks against the gaps', () => {
  it('counts poles inside a gap, not in its covered hole nor outside it', () => {
    const picks = [
      pick('inside', 121.503, 31.003, 'pole'),
      pick('hole', 121.51, 31.01, 'pole'),
      pick('outside', 121.53, 31.01, 'pole'),
      pick('grid-inside', 121.515, 31.015, 'grid'),
    ];
    expect(polePicksInGaps(picks, gaps)).toEqual({ polePicks: 3, inGaps: 1 });
  });

  it('says none when every pole stands outside, or there are no gaps', () => {
    const picks = [pick('a', 121.49, 31.01, 'pole'), pick('b', 121.53, 31.0, 'pole')];
    expect(polePicksInGaps(picks, gaps)).toEqual({ polePicks: 2, inGaps: 0 });
    expect(polePicksInGaps(picks, null)).toEqual({ polePicks: 2, inGaps: 0 });
  });
});
