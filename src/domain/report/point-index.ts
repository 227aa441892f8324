/**
 * A flat grid over points (poles) for "how many within r metres" and "how far is the nearest" queries.
 * Local equirectangular metres around Shanghai's latitude: at < 10 km the error against the
 * haversine distance is far below a pole's positional accuracy.
 */

import {
  localDistanceM as frameDistanceM,
  localMetresFrame,
  SHANGHAI_REFERENCE_LATITUDE_DEG,
} from '../geo/geodesy';

const FRAME = localMetresFrame(SHANGHAI_REFERENCE_LATITUDE_DEG);

export interface NearestPoles {
  /** Points within the radius. */
  countWithin: number;
  /** Distance to the nearest point, metres; null when none lies within the search limit. */
  nearestM: number | null;
}

/** Distance in metres between two WGS84 points (local equirectangular approximation). */
export function localDistanceM(a: readonly [number, number], b: readonly [number, number]): number {
  return frameDistanceM(FRAME, a, b);
}

export class PointIndex {
  private readonly buckets = new Map<string, [number, number][]>();

  /** Buckets the points into square cells of `cellM` metres. */
  constructor(
    points: Iterable<readonly [number, number]>,
    private readonly cellM = 300,
  ) {
    for (const point of points) {
      const key = this.key(this.column(point[0]), this.row(point[1]));
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push([point[0], point[1]]);
      else this.buckets.set(key, [[point[0], point[1]]]);
    }
  }

  /** Count within `radiusM` of the point and distance to the nearest, searching up to `limitM`. */
  nearest(point: readonly [number, number], radiusM = 300, limitM = 5_000): NearestPoles {
    const column = this.column(point[0]);
    const row = this.row(point[1]);
    const maxRing = Math.ceil(limitM / this.cellM);
    const radiusRing = Math.ceil(radiusM / this.cellM);
    let countWithin = 0;
    let nearestM = Number.POSITIVE_INFINITY;
    for (let ring = 0; ring <= maxRing; ring++) {
      // Every point in ring k is at least (k − 1) cells away: stop once that exceeds both needs.
      const ringMinimumM = (ring - 1) * this.cellM;
      if (ring > radiusRing && ringMinimumM > nearestM) break;
      for (let dr = -ring; dr <= ring; dr++) {
        for (let dc = -ring; dc <= ring; dc++) {
          if (Math.max(Math.abs(dr), Math.abs(dc)) !== ring) continue;
          const bucket = this.buckets.get(this.key(column + dc, row + dr));
          if (!bucket) continue;
          for (const candidate of bucket) {
            const distanceM = localDistanceM(point, candidate);
            if (distanceM <= radiusM) countWithin++;
            if (distanceM < nearestM) nearestM = distanceM;
          }
        }
      }
    }
    return { countWithin, nearestM: nearestM <= limitM ? nearestM : null };
  }

  private column(longitude: number): number {
    return Math.floor((longitude * FRAME.metresPerDegreeLon) / this.cellM);
  }

  private row(latitude: number): number {
    return Math.floor((latitude * FRAME.metresPerDegreeLat) / this.cellM);
  }

  private key(column: number, row: number): string {
    return `${column}:${row}`;
  }
}
