/**
 * Which of several polygons is nearest to a point outside all of them, by the distance to their edges
 * in a local metric frame. Edges are bucketed on a square grid, and a query searches rings of buckets
 * outwards until no closer edge can exist, so a point costs the edges near it, not every edge of the
 * city. Used to give a coastal site (inside the administrative boundary, beyond the district polygons
 * drawn to the shore) its district.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { localMetresFrame } from './geodesy';
import { ringsOf } from './prepared-polygon';

/** Bucket size, degrees (~2 km): a coastal point finds its shore within a ring or two. */
const BUCKET_DEG = 0.02;
/** Rings searched at most (~60 km): farther than that a point belongs to no polygon of these. */
const MAX_RINGS = 30;

export interface NearestPolygonIndex {
  /** Index (into the input list) of the polygon whose edge is nearest, and the distance in metres. */
  nearest(lon: number, lat: number): { index: number; distanceM: number } | undefined;
}

export function nearestPolygonIndex(polygons: readonly (Polygon | MultiPolygon)[]): NearestPolygonIndex {
  const edges: number[] = [];
  const owners: number[] = [];
  const buckets = new Map<number, number[]>();
  const key = (column: number, row: number) => column * 100_003 + row;
  polygons.forEach((geometry, owner) => {
    for (const ring of ringsOf(geometry)) {
      for (let index = 0; index + 1 < ring.length; index++) {
        const [x1, y1] = ring[index]! as [number, number];
        const [x2, y2] = ring[index + 1]! as [number, number];
        const edge = owners.length;
        edges.push(x1, y1, x2, y2);
        owners.push(owner);
        // Every bucket the edge's box touches (edges are short next to a bucket).
        for (let column = bucketOf(Math.min(x1, x2)); column <= bucketOf(Math.max(x1, x2)); column++) {
          for (let row = bucketOf(Math.min(y1, y2)); row <= bucketOf(Math.max(y1, y2)); row++) {
            const list = buckets.get(key(column, row));
            if (list) list.push(edge);
            else buckets.set(key(column, row), [edge]);
          }
        }
      }
    }
  });
  return {
    nearest(lon, lat) {
      const frame = localMetresFrame(lat);
      const bucketM = BUCKET_DEG * Math.min(frame.metresPerDegreeLon, frame.metresPerDegreeLat);
      const column0 = bucketOf(lon);
      const row0 = bucketOf(lat);
      let best: { index: number; distanceM: number } | undefined;
      for (let ring = 0; ring <= MAX_RINGS; ring++) {
        // The point may sit at its bucket's border, so an edge in this ring or beyond is at least
        // (ring − 1) buckets away: stop once the best edge found is nearer than that.
        if (best && best.distanceM <= (ring - 1) * bucketM) break;
        for (let column = column0 - ring; column <= column0 + ring; column++) {
          for (let row = row0 - ring; row <= row0 + ring; row++) {
            if (Math.max(Math.abs(column - column0), Math.abs(row - row0)) !== ring) continue;
            for (const edge of buckets.get(key(column, row)) ?? []) {
              const distanceM = segmentDistanceM(lon, lat, edges, edge * 4, frame);
              if (!best || distanceM < best.distanceM) best = { index: owners[edge]!, distanceM };
            }
          }
        }
      }
      return best;
    },
  };
}

function bucketOf(degrees: number): number {
  return Math.floor(degrees / BUCKET_DEG);
}

/** Distance from a point to a segment, metres, in the point's local frame. */
function segmentDistanceM(
  lon: number,
  lat: number,
  edges: readonly number[],
  at: number,
  frame: { metresPerDegreeLon: number; metresPerDegreeLat: number },
): number {
  const ax = (edges[at]! - lon) * frame.metresPerDegreeLon;
  const ay = (edges[at + 1]! - lat) * frame.metresPerDegreeLat;
  const bx = (edges[at + 2]! - lon) * frame.metresPerDegreeLon;
  const by = (edges[at + 3]! - lat) * frame.metresPerDegreeLat;
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
  return Math.hypot(ax + t * dx, ay + t * dy);
}
