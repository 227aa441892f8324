/**
 * Finds the site that serves a point best, among tens of thousands, with the probe's exact evaluation
 * (coverage/probe.ts) but without evaluating every site. Sites sit in 250 m buckets; buckets are visited
 * in rings outward from the point, and a ring (or a bucket) is skipped once no site in it could beat the
 * best found: a site's RSRP is at most its offset − path loss − correction at that distance (the antenna
 * pattern only attenuates), and that bound is tabulated per path-loss profile as the highest value at
 * that distance or beyond. The answer is the same site an exhaustive probe picks (tested).
 */

import { MODEL_MAX_DISTANCE_M } from '../coverage/kernels';
import { type ProbeSite, type SiteAtPoint, siteAtPoint } from '../coverage/probe';
import { correctionDb } from './corrections';

const BUCKET_M = 250;
const METRES_PER_DEGREE = 111_320;
/** Bound tables: distances 10 m · 1.02^k up to 12 km (10 m is the models' floor: closer reads as 10 m). */
const TABLE_START_M = 10;
const TABLE_RATIO = 1.02;
const TABLE_STEPS = Math.ceil(Math.log(12_000 / TABLE_START_M) / Math.log(TABLE_RATIO)) + 1;
/** Added to every bound: path loss between two tabulated distances may dip a little below both. */
const BOUND_MARGIN_DB = 0.5;
/** Local metres are equirectangular; haversine distances over 10 km differ by < 0.1 %: 1 % of slack. */
const DISTANCE_SLACK = 0.99;

export interface SearchHit {
  site: number;
  link: SiteAtPoint;
}

const tableIndex = (distanceM: number): number =>
  distanceM <= TABLE_START_M ? 0 : Math.floor(Math.log(distanceM / TABLE_START_M) / Math.log(TABLE_RATIO));

export class SiteSearch {
  private readonly originLon: number;
  private readonly originLat: number;
  private readonly metresPerDegreeLon: number;
  private readonly columns: number;
  private readonly rows: number;
  private readonly column0: number;
  private readonly row0: number;
  /** CSR: bucket b's sites are bucketSites[bucketStart[b] … bucketStart[b + 1]). */
  private readonly bucketStart: Int32Array;
  private readonly bucketSites: Int32Array;
  /** Per bucket, its (profile, highest offset) pairs, CSR like the sites. */
  private readonly bucketProfileStart: Int32Array;
  private readonly bucketProfiles: Int32Array;
  private readonly bucketOffsets: Float64Array;
  /** Per profile, the bound table without the site's offset: sup over d' ≥ d of −PL − correction. */
  private readonly profileTables: Float64Array[] = [];
  /** Per table step, the highest bound over every site: past it no site can win. */
  private readonly globalBound: Float64Array;
  private readonly maxReachM: number;
  /** Per site: local metres east and north of the origin, profile and offset (the per-site bound). */
  private readonly siteX: Float64Array;
  private readonly siteY: Float64Array;
  private readonly siteProfile: Int32Array;
  private readonly siteOffset: Float64Array;
  private readonly byId = new Map<string, number>();
  private readonly byPci = new Map<number, number[]>();

  constructor(
    readonly sites: readonly ProbeSite[],
    private readonly userHeightM: number,
  ) {
    this.originLat = 31.2;
    this.originLon = 121.5;
    this.metresPerDegreeLon = METRES_PER_DEGREE * Math.cos((this.originLat * Math.PI) / 180);
    const profileOf = this.profiles(sites);
    this.siteProfile = profileOf;
    this.siteOffset = Float64Array.from(sites, (site) => site.offsetDb);
    this.siteX = Float64Array.from(
      sites,
      (site) => (site.position[0] - this.originLon) * this.metresPerDegreeLon,
    );
    this.siteY = Float64Array.from(sites, (site) => (site.position[1] - this.originLat) * METRES_PER_DEGREE);
    let column0 = Number.POSITIVE_INFINITY;
    let row0 = Number.POSITIVE_INFINITY;
    let column1 = Number.NEGATIVE_INFINITY;
    let row1 = Number.NEGATIVE_INFINITY;
    const cells = sites.map((site) => {
      const [column, row] = this.bucketOf(site.position[0], site.position[1]);
      column0 = Math.min(column0, column);
      row0 = Math.min(row0, row);
      column1 = Math.max(column1, column);
      row1 = Math.max(row1, row);
      return [column, row] as const;
    });
    if (sites.length === 0) [column0, row0, column1, row1] = [0, 0, 0, 0];
    this.column0 = column0;
    this.row0 = row0;
    this.columns = column1 - column0 + 1;
    this.rows = row1 - row0 + 1;
    const bucketCount = this.columns * this.rows;
    const counts = new Int32Array(bucketCount + 1);
    const bucketIndex = cells.map(([column, row]) => (row - row0) * this.columns + (column - column0));
    for (const bucket of bucketIndex) counts[bucket + 1]!++;
    for (let bucket = 0; bucket < bucketCount; bucket++) counts[bucket + 1]! += counts[bucket]!;
    this.bucketStart = counts.slice();
    this.bucketSites = new Int32Array(sites.length);
    const fill = counts.slice();
    bucketIndex.forEach((bucket, site) => {
      this.bucketSites[fill[bucket]!++] = site;
    });
    // Per bucket, the distinct profiles with their highest site offset.
    const profileStart = new Int32Array(bucketCount + 1);
    const profiles: number[] = [];
    const offsets: number[] = [];
    for (let bucket = 0; bucket < bucketCount; bucket++) {
      const best = new Map<number, number>();
      for (let slot = this.bucketStart[bucket]!; slot < this.bucketStart[bucket + 1]!; slot++) {
        const site = this.bucketSites[slot]!;
        const profile = profileOf[site]!;
        best.set(profile, Math.max(best.get(profile) ?? Number.NEGATIVE_INFINITY, sites[site]!.offsetDb));
      }
      for (const [profile, offset] of best) {
        profiles.push(profile);
        offsets.push(offset);
      }
      profileStart[bucket + 1] = profiles.length;
    }
    this.bucketProfileStart = profileStart;
    this.bucketProfiles = Int32Array.from(profiles);
    this.bucketOffsets = Float64Array.from(offsets);
    this.globalBound = new Float64Array(TABLE_STEPS).fill(Number.NEGATIVE_INFINITY);
    sites.forEach((site, index) => {
      const table = this.profileTables[profileOf[index]!]!;
      for (let step = 0; step < TABLE_STEPS; step++)
        this.globalBound[step] = Math.max(this.globalBound[step]!, site.offsetDb + table[step]!);
    });
    let maxReachM = 0;
    for (const site of sites) maxReachM = Math.max(maxReachM, MODEL_MAX_DISTANCE_M[site.scenario.model]);
    this.maxReachM = maxReachM;
    sites.forEach((site, index) => {
      const { id, pci } = site.feature.properties;
      if (!this.byId.has(id)) this.byId.set(id, index);
      if (pci !== undefined) {
        const list = this.byPci.get(pci);
        if (list) list.push(index);
        else this.byPci.set(pci, [index]);
      }
    });
  }

  /** Groups sites by what their bound depends on and tabulates each group once. */
  private profiles(sites: readonly ProbeSite[]): Int32Array {
    const keys = new Map<string, number>();
    const profileOf = new Int32Array(sites.length);
    sites.forEach((site, index) => {
      const { scenario, radio, correction } = site;
      const key = `${scenario.model}|${scenario.condition}|${radio.fcGhz}|${radio.heightM}|${site.environment}`;
      let profile = keys.get(key);
      if (profile === undefined) {
        profile = this.profileTables.length;
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
        this.profileTables.push(table);
      }
      profileOf[index] = profile;
    });
    return profileOf;
  }

  private bucketOf(lon: number, lat: number): [number, number] {
    const x = (lon - this.originLon) * this.metresPerDegreeLon;
    const y = (lat - this.originLat) * METRES_PER_DEGREE;
    return [Math.floor(x / BUCKET_M), Math.floor(y / BUCKET_M)];
  }

  /** The index of the site with this id, if any. */
  siteWithId(id: string): number | undefined {
    return this.byId.get(id);
  }

  /** One site's link to the point (undefined beyond its model's distance). */
  evaluate(site: number, lon: number, lat: number): SiteAtPoint | undefined {
    return siteAtPoint(this.sites[site]!, this.userHeightM, lon, lat);
  }

  /** Among the sites with this PCI, the strongest at the point. */
  strongestWithPci(pci: number, lon: number, lat: number): SearchHit | undefined {
    let best: SearchHit | undefined;
    for (const site of this.byPci.get(pci) ?? []) {
      const link = this.evaluate(site, lon, lat);
      if (link && (!best || link.rsrpDbm > best.link.rsrpDbm)) best = { site, link };
    }
    return best;
  }

  /** The strongest site at the point (ties: the first in site order), or undefined when none is in range. */
  strongest(lon: number, lat: number): SearchHit | undefined {
    const [column, row] = this.bucketOf(lon, lat);
    const x = (lon - this.originLon) * this.metresPerDegreeLon;
    const y = (lat - this.originLat) * METRES_PER_DEGREE;
    let best: SearchHit | undefined;
    const maxRing = Math.ceil(this.maxReachM / BUCKET_M) + 1;
    for (let ring = 0; ring <= maxRing; ring++) {
      const ringDistanceM = Math.max(0, (ring - 1) * BUCKET_M) * DISTANCE_SLACK;
      if (ringDistanceM > this.maxReachM) break;
      if (best && this.globalBound[tableIndex(ringDistanceM)]! < best.link.rsrpDbm) break;
      for (let dy = -ring; dy <= ring; dy++) {
        const onEdge = Math.abs(dy) === ring;
        for (let dx = -ring; dx <= ring; dx += onEdge ? 1 : 2 * ring) {
          best = this.visitBucket(column + dx, row + dy, x, y, lon, lat, best);
          if (ring === 0) break;
        }
      }
    }
    return best;
  }

  private visitBucket(
    column: number,
    row: number,
    x: number,
    y: number,
    lon: number,
    lat: number,
    best: SearchHit | undefined,
  ): SearchHit | undefined {
    const localColumn = column - this.column0;
    const localRow = row - this.row0;
    if (localColumn < 0 || localRow < 0 || localColumn >= this.columns || localRow >= this.rows) return best;
    const bucket = localRow * this.columns + localColumn;
    const first = this.bucketStart[bucket]!;
    const last = this.bucketStart[bucket + 1]!;
    if (first === last) return best;
    if (best) {
      // Nearest point of the bucket's square to the point.
      const nearestX = Math.min(Math.max(x, column * BUCKET_M), (column + 1) * BUCKET_M);
      const nearestY = Math.min(Math.max(y, row * BUCKET_M), (row + 1) * BUCKET_M);
      const step = tableIndex(Math.hypot(nearestX - x, nearestY - y) * DISTANCE_SLACK);
      let bound = Number.NEGATIVE_INFINITY;
      for (
        let entry = this.bucketProfileStart[bucket]!;
        entry < this.bucketProfileStart[bucket + 1]!;
        entry++
      )
        bound = Math.max(
          bound,
          this.bucketOffsets[entry]! + this.profileTables[this.bucketProfiles[entry]!]![step]!,
        );
      if (bound < best.link.rsrpDbm) return best;
    }
    for (let slot = first; slot < last; slot++) {
      const site = this.bucketSites[slot]!;
      if (best) {
        // The site's own bound at its (local) distance: most sites in a bucket cannot win.
        const distanceM = Math.hypot(this.siteX[site]! - x, this.siteY[site]! - y) * DISTANCE_SLACK;
        const bound =
          this.siteOffset[site]! + this.profileTables[this.siteProfile[site]!]![tableIndex(distanceM)]!;
        if (bound < best.link.rsrpDbm) continue;
      }
      const link = this.evaluate(site, lon, lat);
      if (!link) continue;
      if (
        !best ||
        link.rsrpDbm > best.link.rsrpDbm ||
        (link.rsrpDbm === best.link.rsrpDbm && site < best.site)
      )
        best = { site, link };
    }
    return best;
  }
}
