/**
 * "What named place is this weak spot near?": the nearest of a short list of named points (the metro
 * stations, 423 of them), searched in full; distances in the local frame of point-index.ts.
 */
import { localDistanceM } from './point-index';

export interface NamedPlace {
  name: string;
  /** The name in the English UI (a station's pinyin), when there is one. */
  nameEn?: string | undefined;
  coordinates: readonly [number, number];
}

export interface NearestPlace {
  name: string;
  nameEn?: string | undefined;
  distanceM: number;
}

/** The nearest place within limitM of a WGS84 point, or null. */
export function nearestPlace(
  places: readonly NamedPlace[],
  point: readonly [number, number],
  limitM = 5_000,
): NearestPlace | null {
  let best: NearestPlace | null = null;
  for (const place of places) {
    const distanceM = localDistanceM(point, place.coordinates);
    if (distanceM <= limitM && (best === null || distanceM < best.distanceM)) {
      best = { name: place.name, nameEn: place.nameEn, distanceM };
    }
  }
  return best;
}
