/**
 * A flat grid over points (poles) for "how many within r metres" and "how far is the nearest" queries.
 * Local equirectangular metres around Shanghai's latitude: at < 10 km the error against the
 * haversine distance is far below a pole's positional accuracy.
 */

const METRES_PER_DEGREE_LATITUDE = 111_320;
const REFERENCE_LATITUDE_DEG = 31.2;
const METRES_PER_DEGREE_LONGITUDE =
  METRES_PER_DEGREE_LATITUDE * Math.cos((REFERENCE_LATITUDE_DEG * Math.PI) / 180);

export interface NearestPoles {
  /** Points within the radius. */
  countWithin: number;
  /** Distance to the nearest point, metres; null when none lies within the search limit. */
  nearestM: number | null;
}

/** Distance in metres between two WGS84 points (local equirectangular approximation). */
export function localDistanceM(a: readonly [number, number], b: readonly [number, number]): number {
  const dx = (a[0] - b[0]) * METRES_PER_DEGREE_LONGITUDE;
  const dy = (a[1] - b[1]) * METRES_PER_DEGREE_LATITUDE;
  return Math.hypot(dx, dy);
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
    return Math.floor((longitude * METRES_PER_DEGREE_LONGITUDE) / this.cellM);
  }

  private row(latitude: number): number {
    return Math.floor((latitude * METRES_PER_DEGREE_LATITUDE) / this.cellM);
  }

  private key(column: number, row: number): string {
    return `${column}:${row}`;
  }
}
