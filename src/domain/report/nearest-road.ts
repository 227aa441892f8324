/**
 * "Which road is this weak spot near?" over the major-road centrelines (OSM motorway, trunk, primary,
 * secondary and their ramps; data/sources/roads-major.geojson, which carries the class but no names).
 * Segments are bucketed in a flat grid in local equirectangular metres around Shanghai's latitude
 * (the same frame as point-index.ts); the answer is the nearest segment's class and distance.
 */
import type { Feature, LineString, MultiLineString } from 'geojson';
import { localMetresFrame, SHANGHAI_REFERENCE_LATITUDE_DEG } from '../geo/geodesy';

const FRAME = localMetresFrame(SHANGHAI_REFERENCE_LATITUDE_DEG);

/** OSM highway classes the road file holds, ramps folded into their road. */
export type RoadClass = 'motorway' | 'trunk' | 'primary' | 'secondary' | 'other';

export interface NearestRoad {
  roadClass: RoadClass;
  /** Metres from the point to the nearest centreline. */
  distanceM: number;
}

export type RoadFeature = Feature<LineString | MultiLineString, { highway?: unknown } | null>;

/** The road class of an OSM highway tag (`primary_link` → primary). */
export function roadClassOf(highway: unknown): RoadClass {
  const base = typeof highway === 'string' ? highway.replace(/_link$/, '') : '';
  return base === 'motorway' || base === 'trunk' || base === 'primary' || base === 'secondary'
    ? base
    : 'other';
}

/** Metres from p to the segment a–b, all in local metres. */
export function pointSegmentDistanceM(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const along =
    lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
  return Math.hypot(px - (ax + along * dx), py - (ay + along * dy));
}

const toX = (longitude: number) => longitude * FRAME.metresPerDegreeLon;
const toY = (latitude: number) => latitude * FRAME.metresPerDegreeLat;

export class RoadIndex {
  /** Per grid cell, segments as [ax, ay, bx, by, class index]. */
  private readonly buckets = new Map<string, number[]>();
  private readonly classes: RoadClass[] = [];

  constructor(
    roads: Iterable<RoadFeature>,
    private readonly cellM = 500,
  ) {
    for (const road of roads) {
      const geometry = road.geometry;
      if (!geometry) continue;
      const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
      let classIndex = this.classes.indexOf(roadClassOf(road.properties?.highway));
      if (classIndex < 0) classIndex = this.classes.push(roadClassOf(road.properties?.highway)) - 1;
      for (const line of lines) {
        for (let index = 1; index < line.length; index++) {
          const a = line[index - 1]!;
          const b = line[index]!;
          this.addSegment(toX(a[0]!), toY(a[1]!), toX(b[0]!), toY(b[1]!), classIndex);
        }
      }
    }
  }

  /** The nearest road within limitM of a WGS84 point, or null when none is that close. */
  nearest(point: readonly [number, number], limitM = 5_000): NearestRoad | null {
    const px = toX(point[0]);
    const py = toY(point[1]);
    const column = Math.floor(px / this.cellM);
    const row = Math.floor(py / this.cellM);
    const maxRing = Math.ceil(limitM / this.cellM);
    let bestM = Number.POSITIVE_INFINITY;
    let bestClass = -1;
    for (let ring = 0; ring <= maxRing; ring++) {
      // A segment first met in ring k lies at least (k − 1) cells away.
      if ((ring - 1) * this.cellM > bestM) break;
      for (let dr = -ring; dr <= ring; dr++) {
        for (let dc = -ring; dc <= ring; dc++) {
          if (Math.max(Math.abs(dr), Math.abs(dc)) !== ring) continue;
          const bucket = this.buckets.get(`${column + dc}:${row + dr}`);
          if (!bucket) continue;
          for (let at = 0; at < bucket.length; at += 5) {
            const distanceM = pointSegmentDistanceM(
              px,
              py,
              bucket[at]!,
              bucket[at + 1]!,
              bucket[at + 2]!,
              bucket[at + 3]!,
            );
            if (distanceM < bestM) {
              bestM = distanceM;
              bestClass = bucket[at + 4]!;
            }
          }
        }
      }
    }
    if (bestClass < 0 || bestM > limitM) return null;
    return { roadClass: this.classes[bestClass]!, distanceM: bestM };
  }

  /** Puts a segment in every cell its bounding box touches (segments are short: mostly one or two). */
  private addSegment(ax: number, ay: number, bx: number, by: number, classIndex: number) {
    const fromColumn = Math.floor(Math.min(ax, bx) / this.cellM);
    const toColumn = Math.floor(Math.max(ax, bx) / this.cellM);
    const fromRow = Math.floor(Math.min(ay, by) / this.cellM);
    const toRow = Math.floor(Math.max(ay, by) / this.cellM);
    for (let row = fromRow; row <= toRow; row++) {
      for (let column = fromColumn; column <= toColumn; column++) {
        const key = `${column}:${row}`;
        const bucket = this.buckets.get(key);
        if (bucket) bucket.push(ax, ay, bx, by, classIndex);
        else this.buckets.set(key, [ax, ay, bx, by, classIndex]);
      }
    }
  }
}
