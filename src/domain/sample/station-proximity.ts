import type { FeatureCollection, Point } from 'geojson';
import { localMetresFrame } from '../geo/geodesy';

const CELL_M = 2000;

/**
 * "Is this point within radiusM of any station?" answered from a bucket grid of the stations, so
 * the pole lattice can test hundreds of thousands of points cheaply. Radii up to CELL_M are exact.
 */
export function createStationProximity(
  stations: FeatureCollection<Point>,
): (lon: number, lat: number, radiusM: number) => boolean {
  const frame = localMetresFrame(31.2);
  const buckets = new Map<number, [number, number][]>();
  const keyOf = (column: number, row: number) => column * 100_003 + row;
  for (const station of stations.features) {
    const x = station.geometry.coordinates[0]! * frame.metresPerDegreeLon;
    const y = station.geometry.coordinates[1]! * frame.metresPerDegreeLat;
    const key = keyOf(Math.floor(x / CELL_M), Math.floor(y / CELL_M));
    const bucket = buckets.get(key) ?? [];
    bucket.push([x, y]);
    buckets.set(key, bucket);
  }
  return (lon, lat, radiusM) => {
    const x = lon * frame.metresPerDegreeLon;
    const y = lat * frame.metresPerDegreeLat;
    const column = Math.floor(x / CELL_M);
    const row = Math.floor(y / CELL_M);
    const radiusSquared = radiusM * radiusM;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const [stationX, stationY] of buckets.get(keyOf(column + dx, row + dy)) ?? []) {
          const distanceX = stationX - x;
          const distanceY = stationY - y;
          if (distanceX * distanceX + distanceY * distanceY <= radiusSquared) return true;
        }
      }
    }
    return false;
  };
}
