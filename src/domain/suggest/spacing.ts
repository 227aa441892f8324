import { type LocalMetresFrame, localMetresFrame } from '../geo/geodesy';
import type { LonLat } from './types';

/**
 * Local planar metres for spacing checks: equirectangular about the mean latitude. Over a city
 * (≤ 100 km) the distance error is well under 0.5%, far below any spacing a planner sets, and it
 * lets the greedy and the exact model share one conflict predicate cheaply.
 */
export type PlanarFrame = LocalMetresFrame;

/** Frame for a set of latitudes (degrees); uses their mean. */
export function planarFrameFor(latitudes: ArrayLike<number>): PlanarFrame {
  let sum = 0;
  for (let index = 0; index < latitudes.length; index++) sum += latitudes[index]!;
  return localMetresFrame(latitudes.length > 0 ? sum / latitudes.length : 0);
}

/**
 * Uniform bucket grid over candidate positions with bucket size = spacing, so "all candidates
 * closer than the spacing to a point" reads only the 3×3 surrounding buckets.
 */
export class SpacingIndex {
  readonly spacingM: number;
  private readonly x: Float64Array;
  private readonly y: Float64Array;
  private readonly frame: PlanarFrame;
  private readonly buckets = new Map<string, number[]>();

  constructor(lon: Float64Array, lat: Float64Array, spacingM: number) {
    this.spacingM = spacingM;
    this.frame = planarFrameFor(lat);
    this.x = lon.map((value) => value * this.frame.metresPerDegreeLon);
    this.y = lat.map((value) => value * this.frame.metresPerDegreeLat);
    for (let index = 0; index < lon.length; index++) {
      const key = this.bucketKey(this.x[index]!, this.y[index]!, 0, 0);
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(index);
      else this.buckets.set(key, [index]);
    }
  }

  /** Calls visit for every candidate strictly closer than the spacing to the given point. */
  forEachWithinSpacing(position: LonLat, visit: (candidateIndex: number) => void): void {
    this.forEachNearPlanar(
      position.lon * this.frame.metresPerDegreeLon,
      position.lat * this.frame.metresPerDegreeLat,
      visit,
    );
  }

  /** Calls visit for every other candidate strictly closer than the spacing to candidate `index`. */
  forEachConflicting(index: number, visit: (candidateIndex: number) => void): void {
    this.forEachNearPlanar(this.x[index]!, this.y[index]!, (other) => {
      if (other !== index) visit(other);
    });
  }

  /** All candidate pairs (a < b) closer than the spacing: the exact model's conflict constraints. */
  conflictPairs(): Array<[number, number]> {
    const pairs: Array<[number, number]> = [];
    for (let index = 0; index < this.x.length; index++) {
      this.forEachConflicting(index, (other) => {
        if (other > index) pairs.push([index, other]);
      });
    }
    return pairs;
  }

  private forEachNearPlanar(px: number, py: number, visit: (candidateIndex: number) => void): void {
    const limitSquared = this.spacingM * this.spacingM;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const bucket = this.buckets.get(this.bucketKey(px, py, dx, dy));
        if (!bucket) continue;
        for (const index of bucket) {
          const ex = this.x[index]! - px;
          const ey = this.y[index]! - py;
          if (ex * ex + ey * ey < limitSquared) visit(index);
        }
      }
    }
  }

  private bucketKey(x: number, y: number, dx: number, dy: number): string {
    return `${Math.floor(x / this.spacingM) + dx},${Math.floor(y / this.spacingM) + dy}`;
  }
}
