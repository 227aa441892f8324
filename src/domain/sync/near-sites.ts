/**
 * Sites of different plans that stand within a set distance of each other across a district border:
 * two districts planning a station each for the same street corner. Points are hashed into a grid of
 * cells one distance wide (in a local metric frame), so each site is compared only with the sites of
 * its own and the eight neighbouring cells: O(sites), not O(sites²).
 */
import { EARTH_RADIUS_M, localMetresFrame } from '../geo/geodesy';

export interface PlanSite {
  planId: string;
  siteId: string;
  /** The district the site lies in, by its position; undefined outside every district. */
  district: string | undefined;
  coordinates: readonly [number, number];
}

export interface NearPair {
  first: PlanSite;
  second: PlanSite;
  distanceM: number;
}

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance (haversine on the mean Earth sphere), metres. */
export function haversineM(first: readonly [number, number], second: readonly [number, number]): number {
  const deltaLat = toRadians(second[1] - first[1]);
  const deltaLon = toRadians(second[0] - first[0]);
  const a =
    Math.sin(deltaLat / 2) ** 2 +
    Math.cos(toRadians(first[1])) * Math.cos(toRadians(second[1])) * Math.sin(deltaLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * Every pair of sites from different plans, lying in different districts, at most `distanceM` apart;
 * nearest first.
 */
export function findNearPairs(sites: readonly PlanSite[], distanceM: number): NearPair[] {
  if (sites.length === 0 || !(distanceM > 0)) return [];
  const referenceLat = sites.reduce((sum, site) => sum + site.coordinates[1], 0) / sites.length;
  const frame = localMetresFrame(referenceLat);
  // The cell is a little wider than the distance, so the frame's small error never hides a pair.
  const cellM = distanceM * 1.01;
  const cellOf = (site: PlanSite) => [
    Math.floor((site.coordinates[0] * frame.metresPerDegreeLon) / cellM),
    Math.floor((site.coordinates[1] * frame.metresPerDegreeLat) / cellM),
  ];
  const cells = new Map<string, number[]>();
  sites.forEach((site, index) => {
    const [column, row] = cellOf(site);
    const key = `${column}:${row}`;
    const members = cells.get(key);
    if (members) members.push(index);
    else cells.set(key, [index]);
  });
  const pairs: NearPair[] = [];
  sites.forEach((site, index) => {
    const [column, row] = cellOf(site);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const otherIndex of cells.get(`${column! + dx}:${row! + dy}`) ?? []) {
          if (otherIndex <= index) continue;
          const other = sites[otherIndex]!;
          if (other.planId === site.planId || other.district === site.district) continue;
          const distance = haversineM(site.coordinates, other.coordinates);
          if (distance <= distanceM) pairs.push({ first: site, second: other, distanceM: distance });
        }
      }
    }
  });
  return pairs.sort((left, right) => left.distanceM - right.distanceM);
}
