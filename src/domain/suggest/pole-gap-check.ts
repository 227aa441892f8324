/**
 * Why a suggestion on poles gains little: when none of the suggested poles stands inside a weak spot,
 * each reaches only a gap's edge. The suggestion panel says so and offers the drawn-area grid instead
 * (issue #13, item 12).
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import type { SuggestedSite } from './suggest-types';

export interface PolePicksInGaps {
  /** Suggested sites on a pole. */
  polePicks: number;
  /** Of those, how many stand inside a weak spot. */
  inGaps: number;
}

type Bounds = [number, number, number, number];

function boundsOf(gap: Feature<MultiPolygon>): Bounds {
  const bounds: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of gap.geometry.coordinates)
    for (const [lon = 0, lat = 0] of polygon[0] ?? []) {
      bounds[0] = Math.min(bounds[0], lon);
      bounds[1] = Math.min(bounds[1], lat);
      bounds[2] = Math.max(bounds[2], lon);
      bounds[3] = Math.max(bounds[3], lat);
    }
  return bounds;
}

/** Counts the suggested pole sites and those inside any gap (holes excluded: a hole is covered). */
export function polePicksInGaps(
  picks: readonly SuggestedSite[],
  gaps: FeatureCollection<MultiPolygon> | null,
): PolePicksInGaps {
  const onPoles = picks.filter((pick) => pick.source === 'pole');
  const boxes = (gaps?.features ?? []).map((gap) => ({ gap, bounds: boundsOf(gap) }));
  let inGaps = 0;
  for (const pick of onPoles) {
    const inside = boxes.some(
      ({ gap, bounds }) =>
        pick.lon >= bounds[0] &&
        pick.lon <= bounds[2] &&
        pick.lat >= bounds[1] &&
        pick.lat <= bounds[3] &&
        booleanPointInPolygon([pick.lon, pick.lat], gap),
    );
    if (inside) inGaps++;
  }
  return { polePicks: onPoles.length, inGaps };
}
