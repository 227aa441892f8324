/**
 * Upper bounds on a site's RSRP by distance, for the best-server search (site-search.ts). A site's RSRP
 * at distance d is at most its offset − PL(d) − correction(d), because the antenna pattern only
 * attenuates. Sites are grouped by what that bound depends on (a "profile": model, condition, band,
 * height, class), and each profile's bound is tabulated once as the highest value at that distance or
 * beyond, so a table entry bounds every site of the profile at any distance from that step on.
 *
 * The neighbourhood bound says when the search may stop: for a point, the highest RSRP any site at d or
 * farther could give. One bound over the whole city would let a rural mast's low path loss keep the
 * search going for a kilometre in the city centre, so it is kept per region of the bucket grid: region
 * S's table is the highest, over regions T in reach, of T's sites' bounds at max(d, gap(S, T)).
 */
import { MODEL_MAX_DISTANCE_M } from '../coverage/kernels';
import type { ProbeSite } from '../coverage/probe';
import { correctionDb } from './corrections';

/** Bound tables: distances 10 m · 1.02^k up to 12 km (10 m is the models' floor: closer reads as 10 m). */
const TABLE_START_M = 10;
const TABLE_RATIO = 1.02;
export const TABLE_STEPS = Math.ceil(Math.log(12_000 / TABLE_START_M) / Math.log(TABLE_RATIO)) + 1;
/** Added to every bound: path loss between two tabulated distances may dip a little below both. */
const BOUND_MARGIN_DB = 0.5;
const LOG_TABLE_RATIO = Math.log(TABLE_RATIO);

/** The table step at or below a distance (so the entry bounds everything from there on). */
export const tableIndex = (distanceM: number): number =>
  distanceM <= TABLE_START_M ? 0 : Math.floor(Math.log(distanceM / TABLE_START_M) / LOG_TABLE_RATIO);

/** Per site its profile, and per profile the bound without the site's offset: sup over d' ≥ d of −PL − c. */
export function profileBoundTables(sites: readonly ProbeSite[]): {
  profileOf: Int32Array;
  tables: Float64Array[];
} {
  const keys = new Map<string, number>();
  const tables: Float64Array[] = [];
  const profileOf = new Int32Array(sites.length);
  sites.forEach((site, index) => {
    const { scenario, radio, correction } = site;
    // The class matters only through its correction (the scenario already says which model it chose).
    const classKey = correction ? site.environment : '';
    const key = `${scenario.model}|${scenario.condition}|${radio.fcGhz}|${radio.heightM}|${classKey}`;
    let profile = keys.get(key);
    if (profile === undefined) {
      profile = tables.length;
      keys.set(key, profile);
      const maxM = MODEL_MAX_DISTANCE_M[scenario.model];
      const table = new Float64Array(TABLE_STEPS).fill(Number.NEGATIVE_INFINITY);
      let running = Number.NEGATIVE_INFINITY;
      for (let step = TABLE_STEPS - 1; step >= 0; step--) {
        const distanceM = TABLE_START_M * TABLE_RATIO ** step;
        if (distanceM <= maxM) {
          const value = site.negativePathLoss(distanceM) - correctionDb(correction, distanceM);
          running = Math.max(running, value + BOUND_MARGIN_DB);
        }
        table[step] = running;
      }
      tables.push(table);
    }
    profileOf[index] = profile;
  });
  return { profileOf, tables };
}

/** The pointwise highest of `offset + table` over the given sites (−∞ for none). */
function highestBound(
  sites: Iterable<number>,
  offsetOf: Float64Array,
  profileOf: Int32Array,
  tables: readonly Float64Array[],
): Float64Array {
  // Per profile its highest offset first: a region holds hundreds of sites but a few dozen profiles.
  const best = new Map<number, number>();
  for (const site of sites) {
    const profile = profileOf[site]!;
    best.set(profile, Math.max(best.get(profile) ?? Number.NEGATIVE_INFINITY, offsetOf[site]!));
  }
  const result = new Float64Array(TABLE_STEPS).fill(Number.NEGATIVE_INFINITY);
  for (const [profile, offset] of best) {
    const table = tables[profile]!;
    for (let step = 0; step < TABLE_STEPS; step++) {
      const value = offset + table[step]!;
      if (value > result[step]!) result[step] = value;
    }
  }
  return result;
}

/** Per region of regionM × regionM, the neighbourhood bound (built for a region when first asked). */
export class NeighbourhoodBounds {
  /** Each non-empty region's own sites' highest bound, by region key. */
  private readonly own = new Map<number, Float64Array>();
  private readonly neighbourhood = new Map<number, Float64Array>();
  private readonly reachRegions: number;

  /**
   * `regionOf(site)` gives each site's region column and row; `maxReachM` is the farthest any model
   * reaches; `distanceSlack` (≤ 1) shrinks gaps as the search shrinks its local distances.
   */
  constructor(
    siteCount: number,
    regionOf: (site: number) => readonly [number, number],
    private readonly regionM: number,
    private readonly maxReachM: number,
    private readonly distanceSlack: number,
    offsetOf: Float64Array,
    profileOf: Int32Array,
    tables: readonly Float64Array[],
  ) {
    const members = new Map<number, number[]>();
    for (let site = 0; site < siteCount; site++) {
      const [column, row] = regionOf(site);
      const key = NeighbourhoodBounds.key(column, row);
      const list = members.get(key);
      if (list) list.push(site);
      else members.set(key, [site]);
    }
    for (const [key, sites] of members) this.own.set(key, highestBound(sites, offsetOf, profileOf, tables));
    this.reachRegions = Math.ceil(maxReachM / regionM) + 1;
  }

  private static key(column: number, row: number): number {
    // Regions are a few kilometres: ±2¹⁵ of them covers any map.
    return (column + 32_768) * 65_536 + (row + 32_768);
  }

  /** The highest RSRP bound, by table step, of any site at that step's distance or more from a point in the region. */
  at(column: number, row: number): Float64Array {
    const key = NeighbourhoodBounds.key(column, row);
    let table = this.neighbourhood.get(key);
    if (table) return table;
    table = new Float64Array(TABLE_STEPS).fill(Number.NEGATIVE_INFINITY);
    const reach = this.reachRegions;
    for (let dy = -reach; dy <= reach; dy++) {
      for (let dx = -reach; dx <= reach; dx++) {
        const other = this.own.get(NeighbourhoodBounds.key(column + dx, row + dy));
        if (!other) continue;
        const gapM =
          Math.sqrt(Math.max(0, Math.abs(dx) - 1) ** 2 + Math.max(0, Math.abs(dy) - 1) ** 2) * this.regionM;
        if (gapM * this.distanceSlack > this.maxReachM) continue;
        const first = tableIndex(gapM * this.distanceSlack);
        for (let step = 0; step < TABLE_STEPS; step++) {
          const value = other[Math.max(step, first)]!;
          if (value > table[step]!) table[step] = value;
        }
      }
    }
    this.neighbourhood.set(key, table);
    return table;
  }
}
