/**
 * Finds the site that serves a point best, among tens of thousands, with the probe's exact evaluation
 * (coverage/probe.ts) but without evaluating every site. Sites sit in 250 m buckets; buckets are visited
 * in rings outward from the point, and a ring (or a bucket) is skipped once no site in it could beat the
 * best found: a site's RSRP is at most its offset − path loss − correction at that distance (the antenna
 * pattern only attenuates), and that bound is tabulated per path-loss profile as the highest value at
 * that distance or beyond. Within a bucket, each sector's bound also takes its horizontal pattern toward
 * the point (the vertical term only attenuates further), so the two sectors of a mast facing away are
 * skipped without evaluating them. The answer is the same site an exhaustive probe picks (tested).
 */

import { MODEL_MAX_DISTANCE_M } from '../coverage/kernels';
import { type ProbeSite, type SiteAtPoint, siteAtPoint } from '../coverage/probe';
import {
  horizontalAttenuationDb,
  MAXIMUM_ATTENUATION_DB,
  verticalAttenuationDb,
} from '../propagation/antenna-pattern';
import { NeighbourhoodBounds, profileBoundTables, TABLE_STEPS, tableIndex } from './search-bounds';

const BUCKET_M = 250;
/** Buckets per side of a region of the neighbourhood bound (2 km: a district's character, not a city's). */
const REGION_BUCKETS = 8;
const METRES_PER_DEGREE = 111_320;
/** Local metres are equirectangular; haversine distances over 10 km differ by < 0.1 %: 1 % of slack. */
const DISTANCE_SLACK = 0.99;
/** Local bearings are equirectangular; within 12 km of Shanghai they differ from the probe's by < 0.1°. */
const BEARING_SLACK_DEG = 0.5;

export interface SearchHit {
  site: number;
  link: SiteAtPoint;
}

/** √(x² + y²): Math.hypot guards overflow that metre offsets never reach, and costs several times more. */
const length = (x: number, y: number): number => Math.sqrt(x * x + y * y);

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
  private readonly profileTables: readonly Float64Array[];
  /** Per region, the highest bound of any site at a distance: past it no site can win. */
  private readonly neighbourhood: NeighbourhoodBounds;
  /** Bucket offsets around the point's bucket, nearest first: dx, dy and the step of their gap. */
  private readonly visitDx: Int32Array;
  private readonly visitDy: Int32Array;
  private readonly visitStep: Int32Array;
  private readonly maxReachM: number;
  /** Per site: local metres east and north of the origin, profile and offset (the per-site bound). */
  private readonly siteX: Float64Array;
  private readonly siteY: Float64Array;
  private readonly siteProfile: Int32Array;
  private readonly siteOffset: Float64Array;
  /** Per site: sector boresight (NaN for omnidirectional) and horizontal beamwidth, degrees. */
  private readonly siteAzimuthDeg: Float64Array;
  private readonly siteBeamwidthDeg: Float64Array;
  /** Per site: antenna height above the user, total downtilt and vertical beamwidth (the vertical bound). */
  private readonly siteHeightAboveUserM: Float64Array;
  private readonly siteTiltDeg: Float64Array;
  private readonly siteVerticalBeamwidthDeg: Float64Array;
  private readonly byId = new Map<string, number>();
  private readonly byPci = new Map<number, number[]>();

  constructor(
    readonly sites: readonly ProbeSite[],
    private readonly userHeightM: number,
  ) {
    this.originLat = 31.2;
    this.originLon = 121.5;
    this.metresPerDegreeLon = METRES_PER_DEGREE * Math.cos((this.originLat * Math.PI) / 180);
    const { profileOf, tables } = profileBoundTables(sites);
    this.profileTables = tables;
    this.siteProfile = profileOf;
    this.siteOffset = Float64Array.from(sites, (site) => site.offsetDb);
    this.siteAzimuthDeg = Float64Array.from(sites, (site) => site.radio.antenna.azimuthDeg ?? Number.NaN);
    this.siteBeamwidthDeg = Float64Array.from(sites, (site) => site.radio.antenna.beamwidthDeg);
    this.siteHeightAboveUserM = Float64Array.from(sites, (site) => site.radio.heightM - userHeightM);
    this.siteTiltDeg = Float64Array.from(sites, (site) => site.radio.antenna.totalTiltDeg);
    this.siteVerticalBeamwidthDeg = Float64Array.from(
      sites,
      (site) => site.radio.antenna.verticalBeamwidthDeg,
    );
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
    let maxReachM = 0;
    for (const site of sites) maxReachM = Math.max(maxReachM, MODEL_MAX_DISTANCE_M[site.scenario.model]);
    this.maxReachM = maxReachM;
    this.neighbourhood = new NeighbourhoodBounds(
      sites.length,
      (site) => this.regionOf(cells[site]![0], cells[site]![1]),
      REGION_BUCKETS * BUCKET_M,
      maxReachM,
      DISTANCE_SLACK,
      this.siteOffset,
      profileOf,
      tables,
    );
    [this.visitDx, this.visitDy, this.visitStep] = this.visitOrder();
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

  /**
   * Every bucket offset that can hold a site in reach, by the gap between its square and the point's
   * square (a lower bound on the distance from any point of the one to any site of the other).
   */
  private visitOrder(): [Int32Array, Int32Array, Int32Array] {
    const reach = Math.ceil(this.maxReachM / BUCKET_M) + 1;
    const offsets: { dx: number; dy: number; gapM: number; centreM: number }[] = [];
    for (let dy = -reach; dy <= reach; dy++)
      for (let dx = -reach; dx <= reach; dx++) {
        const gapM =
          Math.sqrt(Math.max(0, Math.abs(dx) - 1) ** 2 + Math.max(0, Math.abs(dy) - 1) ** 2) * BUCKET_M;
        if (gapM * DISTANCE_SLACK <= this.maxReachM)
          offsets.push({ dx, dy, gapM, centreM: Math.hypot(dx, dy) });
      }
    // Among equal gaps, the nearer buckets first: a strong server found early prunes the rest.
    offsets.sort((left, right) => left.gapM - right.gapM || left.centreM - right.centreM);
    return [
      Int32Array.from(offsets, ({ dx }) => dx),
      Int32Array.from(offsets, ({ dy }) => dy),
      Int32Array.from(offsets, ({ gapM }) => Math.min(TABLE_STEPS - 1, tableIndex(gapM * DISTANCE_SLACK))),
    ];
  }

  /** The region (of the neighbourhood bound) of a bucket. */
  private regionOf(column: number, row: number): [number, number] {
    return [Math.floor(column / REGION_BUCKETS), Math.floor(row / REGION_BUCKETS)];
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
    const x = (lon - this.originLon) * this.metresPerDegreeLon;
    const y = (lat - this.originLat) * METRES_PER_DEGREE;
    const column = Math.floor(x / BUCKET_M);
    const row = Math.floor(y / BUCKET_M);
    const [regionColumn, regionRow] = this.regionOf(column, row);
    const bound = this.neighbourhood.at(regionColumn, regionRow);
    this.bestSite = -1;
    this.bestDbm = Number.NEGATIVE_INFINITY;
    this.bestLink = undefined;
    const offsets = this.visitStep.length;
    for (let offset = 0; offset < offsets; offset++) {
      // Offsets come nearest first and the bound falls with distance: once it is below the best, every
      // bucket left is too (no site found yet: −∞, so the search goes on).
      if (bound[this.visitStep[offset]!]! < this.bestDbm) break;
      this.visitBucket(column + this.visitDx[offset]!, row + this.visitDy[offset]!, x, y, lon, lat);
    }
    return this.bestLink ? { site: this.bestSite, link: this.bestLink } : undefined;
  }

  /** The search's best so far (fields rather than an object per candidate: millions of calls). */
  private bestSite = -1;
  private bestDbm = Number.NEGATIVE_INFINITY;
  private bestLink: SiteAtPoint | undefined;

  private visitBucket(column: number, row: number, x: number, y: number, lon: number, lat: number): void {
    const localColumn = column - this.column0;
    const localRow = row - this.row0;
    if (localColumn < 0 || localRow < 0 || localColumn >= this.columns || localRow >= this.rows) return;
    const bucket = localRow * this.columns + localColumn;
    const first = this.bucketStart[bucket]!;
    const last = this.bucketStart[bucket + 1]!;
    if (first === last) return;
    const searching = this.bestSite >= 0;
    if (searching) {
      // Nearest point of the bucket's square to the point.
      const nearestX = Math.min(Math.max(x, column * BUCKET_M), (column + 1) * BUCKET_M);
      const nearestY = Math.min(Math.max(y, row * BUCKET_M), (row + 1) * BUCKET_M);
      const step = tableIndex(length(nearestX - x, nearestY - y) * DISTANCE_SLACK);
      let bound = Number.NEGATIVE_INFINITY;
      const lastEntry = this.bucketProfileStart[bucket + 1]!;
      for (let entry = this.bucketProfileStart[bucket]!; entry < lastEntry; entry++)
        bound = Math.max(
          bound,
          this.bucketOffsets[entry]! + this.profileTables[this.bucketProfiles[entry]!]![step]!,
        );
      if (bound < this.bestDbm) return;
    }
    for (let slot = first; slot < last; slot++) {
      const site = this.bucketSites[slot]!;
      if (this.bestSite >= 0) {
        // The site's own bound at its (local) distance: most sites in a bucket cannot win.
        const eastM = x - this.siteX[site]!;
        const northM = y - this.siteY[site]!;
        const distanceM = length(eastM, northM) * DISTANCE_SLACK;
        const bound =
          this.siteOffset[site]! + this.profileTables[this.siteProfile[site]!]![tableIndex(distanceM)]!;
        if (bound < this.bestDbm) continue;
        // The pattern's bound: −min(−(A_H + A_V), A_m) with each term at its most favourable angle.
        const patternDb = Math.max(
          this.horizontalBoundDb(site, eastM, northM) + this.verticalBoundDb(site, distanceM),
          -MAXIMUM_ATTENUATION_DB,
        );
        if (bound + patternDb < this.bestDbm) continue;
      }
      const link = this.evaluate(site, lon, lat);
      if (!link) continue;
      if (link.rsrpDbm > this.bestDbm || (link.rsrpDbm === this.bestDbm && site < this.bestSite)) {
        this.bestSite = site;
        this.bestDbm = link.rsrpDbm;
        this.bestLink = link;
      }
    }
  }

  /**
   * A_V toward the point at the depression angle nearest the tilt that the true distance allows (the
   * local distance is within DISTANCE_SLACK of it; `slackedM` is the local distance times the slack).
   */
  private verticalBoundDb(site: number, slackedM: number): number {
    const heightM = this.siteHeightAboveUserM[site]!;
    const steepestDeg = (Math.atan2(heightM, slackedM) * 180) / Math.PI;
    const shallowestDeg = (Math.atan2(heightM, slackedM / (DISTANCE_SLACK * DISTANCE_SLACK)) * 180) / Math.PI;
    const tiltDeg = this.siteTiltDeg[site]!;
    const nearestDeg = Math.min(Math.max(tiltDeg, shallowestDeg), steepestDeg);
    return verticalAttenuationDb(nearestDeg, tiltDeg, this.siteVerticalBeamwidthDeg[site]!);
  }

  /** A_H toward the point with the bearing eased by BEARING_SLACK_DEG toward boresight (an upper bound). */
  private horizontalBoundDb(site: number, eastM: number, northM: number): number {
    const azimuthDeg = this.siteAzimuthDeg[site]!;
    if (Number.isNaN(azimuthDeg) || (eastM === 0 && northM === 0)) return 0;
    const bearingDeg = (Math.atan2(eastM, northM) * 180) / Math.PI;
    let offBoresightDeg = Math.abs(bearingDeg - azimuthDeg) % 360;
    if (offBoresightDeg > 180) offBoresightDeg = 360 - offBoresightDeg;
    return horizontalAttenuationDb(
      Math.max(0, offBoresightDeg - BEARING_SLACK_DEG),
      this.siteBeamwidthDeg[site]!,
    );
  }
}
