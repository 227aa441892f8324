/**
 * Exact radio figures at a point: every site's RSRP from the formulas themselves — great-circle distance
 * and bearing to the exact point, the 38.901 path loss computed (not tabulated), the antenna pattern at
 * the exact angles and the site's exact height and tilt — then best server, noise, SINR and rate. No
 * kernel, table, snapping or running sum: this is the reference the grid is tested against, and the CLI's
 * `probe` command. What "reaches" means is the grid's documented interference reach: the site's boresight
 * power (path loss and vertical pattern) above the interference floor, within the model's distance.
 */

import { correctionDb, correctionTable, type EnvironmentCorrection } from '../calibration/corrections';
import type { DensityClass } from '../plan/district-facts';
import {
  antennaAttenuationDb,
  depressionAngleDeg,
  verticalAttenuationDb,
} from '../propagation/antenna-pattern';
import { resolveRadio, scenarioFor } from '../propagation/link-budget';
import { noisePerResourceElementDbm, userRateMbps } from '../propagation/throughput';
import type { Band, SiteFeature } from '../types';
import type { CityRaster } from './city-raster';
import { columnOf, EARTH_RADIUS_M, rowOf } from './grid';
import { exactNegativePathLoss, MODEL_MAX_DISTANCE_M } from './kernels';
import {
  type CoverageSettings,
  DENSITY_CLASSES,
  interferenceFloorDbm,
  kernelCutDb,
  rsrpFloorDbm,
} from './settings';

export interface ProbeServer {
  id: string;
  band: Band;
  rsrpDbm: number;
  pathLossDb: number;
  /** The antenna pattern's attenuation toward the point, dB (≤ 0). */
  antennaGainDb: number;
}

export interface ProbeResult {
  /** Every site reaching the point, strongest first. */
  servers: ProbeServer[];
  bestServerId: string | null;
  rsrpDbm: number | null;
  /** Noise per resource element on the best server's band, dBm. */
  noiseDbm: number | null;
  sinrDb: number | null;
  rateMbps: number | null;
}

const RADIANS = Math.PI / 180;

/** Great-circle distance (m) and initial bearing (degrees from north) from a to b (haversine). */
export function distanceAndBearing(
  from: readonly [number, number],
  to: readonly [number, number],
): { distanceM: number; bearingDeg: number } {
  const lat1 = from[1] * RADIANS;
  const lat2 = to[1] * RADIANS;
  const dLat = lat2 - lat1;
  const dLon = (to[0] - from[0]) * RADIANS;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) ** 2;
  const distanceM = 2 * EARTH_RADIUS_M * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
  const y = Math.sin(dLon) * Math.cos(lat2);
  const x = Math.cos(lat1) * Math.sin(lat2) - Math.sin(lat1) * Math.cos(lat2) * Math.cos(dLon);
  return { distanceM, bearingDeg: (((Math.atan2(y, x) / RADIANS) % 360) + 360) % 360 };
}

export interface ProbeSite {
  /** Position in the site list (ties between equal powers go to the earlier site, as on the grid). */
  order: number;
  feature: SiteFeature;
  position: [number, number];
  radio: ReturnType<typeof resolveRadio>;
  scenario: ReturnType<typeof scenarioFor>;
  /** The environment class of the site's cell, which chose its scenario and its calibration. */
  environment: DensityClass;
  /** The scenario's exact −path loss by 2D distance, made once per site. */
  negativePathLoss: (distanceM: number) => number;
  /** The calibration of the site's class (settings.corrections), if any. */
  correction: EnvironmentCorrection | undefined;
  offsetDb: number;
  cutDb: number;
}

/** What probing needs of each site, computed once for many points. */
export function prepareProbeSites(
  sites: readonly SiteFeature[],
  city: CityRaster,
  settings: CoverageSettings,
): ProbeSite[] {
  const { grid } = city;
  const corrections = correctionTable(settings.corrections);
  return sites.map((feature, order) => {
    const position = feature.geometry.coordinates as [number, number];
    const column = columnOf(grid, position[0]);
    const row = rowOf(grid, position[1]);
    const inside = column >= 0 && row >= 0 && column < grid.columns && row < grid.rows;
    // A site takes the environment of its own cell (as the grid does), rural outside the grid.
    const environmentIndex = inside ? city.environment[row * grid.columns + column]! : 3;
    const environment = DENSITY_CLASSES[environmentIndex]!;
    const radio = resolveRadio(feature.properties);
    const offsetDb =
      radio.perReDbm + radio.antennaGainDbi - settings.losses.bodyLossDb - settings.losses.shadowMarginDb;
    const scenario = scenarioFor(radio.kind, environment);
    return {
      order,
      feature,
      position,
      radio,
      scenario,
      environment,
      negativePathLoss: exactNegativePathLoss({
        model: scenario.model,
        condition: scenario.condition,
        fcGhz: radio.fcGhz,
        hBsM: radio.heightM,
        hUtM: settings.losses.userHeightM,
      }),
      correction: corrections[environmentIndex],
      offsetDb,
      cutDb: kernelCutDb(interferenceFloorDbm(settings), offsetDb),
    };
  });
}

/** One site's link to a point, every term exact. */
export interface SiteAtPoint {
  distanceM: number;
  bearingDeg: number;
  /** The model's path loss plus the calibration's correction, dB. */
  pathLossDb: number;
  /** The calibration's correction in that path loss, dB (0 without one). */
  correctionDb: number;
  /** The antenna pattern's attenuation toward the point, dB (≤ 0). */
  antennaGainDb: number;
  /** −path loss + the vertical pattern: the kernel's value at this distance (the reach test). */
  boresightDb: number;
  rsrpDbm: number;
}

/**
 * A site's RSRP at a point, or undefined beyond its model's distance. No reach cut: callers that need one
 * (probePoint) compare `boresightDb` with the site's cut; a calibration compares every site in range.
 */
export function siteAtPoint(
  site: ProbeSite,
  userHeightM: number,
  lon: number,
  lat: number,
): SiteAtPoint | undefined {
  const { radio, scenario } = site;
  const { distanceM, bearingDeg } = distanceAndBearing(site.position, [lon, lat]);
  if (distanceM > MODEL_MAX_DISTANCE_M[scenario.model]) return undefined;
  const correction = correctionDb(site.correction, distanceM);
  const pathLossDb = correction - site.negativePathLoss(distanceM);
  const { antenna } = radio;
  const boresightDb =
    -pathLossDb +
    verticalAttenuationDb(
      depressionAngleDeg(radio.heightM, userHeightM, distanceM),
      antenna.totalTiltDeg,
      antenna.verticalBeamwidthDeg,
    );
  const antennaGainDb = antennaAttenuationDb(antenna, bearingDeg, distanceM, radio.heightM, userHeightM);
  return {
    distanceM,
    bearingDeg,
    pathLossDb,
    correctionDb: correction,
    antennaGainDb,
    boresightDb,
    rsrpDbm: site.offsetDb + antennaGainDb - pathLossDb,
  };
}

/** Bucket size of ProbeIndex, degrees (about 5 km: no model reaches farther). */
const BUCKET_DEG = 0.05;

/** Sites by 0.05° bucket, so probing a point reads only the sites that can reach it. */
export class ProbeIndex {
  private readonly buckets = new Map<string, ProbeSite[]>();

  constructor(readonly sites: readonly ProbeSite[]) {
    for (const site of sites) {
      const key = `${Math.floor(site.position[0] / BUCKET_DEG)}|${Math.floor(site.position[1] / BUCKET_DEG)}`;
      let bucket = this.buckets.get(key);
      if (!bucket) {
        bucket = [];
        this.buckets.set(key, bucket);
      }
      bucket.push(site);
    }
  }

  /** Sites in the 5 × 5 buckets around a point (all within 9 km: beyond every model's 5 km), in site order (the grid's tie rule). */
  near(lon: number, lat: number): ProbeSite[] {
    const column = Math.floor(lon / BUCKET_DEG);
    const row = Math.floor(lat / BUCKET_DEG);
    const found: ProbeSite[] = [];
    for (let dy = -2; dy <= 2; dy++) {
      for (let dx = -2; dx <= 2; dx++) found.push(...(this.buckets.get(`${column + dx}|${row + dy}`) ?? []));
    }
    return found.sort((a, b) => a.order - b.order);
  }
}

/** The exact radio figures at one point. */
export function probePoint(
  sites: readonly ProbeSite[],
  settings: CoverageSettings,
  lon: number,
  lat: number,
): ProbeResult {
  const userHeightM = settings.losses.userHeightM;
  const servers: (ProbeServer & { receivedMw: number; site: ProbeSite })[] = [];
  for (const site of sites) {
    const link = siteAtPoint(site, userHeightM, lon, lat);
    if (!link || !(link.boresightDb > site.cutDb)) continue;
    const { rsrpDbm, pathLossDb, antennaGainDb } = link;
    servers.push({
      id: site.feature.properties.id,
      band: site.radio.band,
      rsrpDbm,
      pathLossDb,
      antennaGainDb,
      receivedMw: 10 ** (rsrpDbm / 10),
      site,
    });
  }
  // Strongest first; equal powers keep site order (the grid's tie rule).
  servers.sort((a, b) => b.rsrpDbm - a.rsrpDbm);
  const reported = servers.map(({ id, band, rsrpDbm, pathLossDb, antennaGainDb }) => ({
    id,
    band,
    rsrpDbm,
    pathLossDb,
    antennaGainDb,
  }));
  const best = servers[0];
  if (!best || best.rsrpDbm <= rsrpFloorDbm(settings)) {
    return {
      servers: reported,
      bestServerId: null,
      rsrpDbm: null,
      noiseDbm: null,
      sinrDb: null,
      rateMbps: null,
    };
  }
  let interferenceMw = 0;
  for (const other of servers)
    if (other !== best && other.band === best.band) interferenceMw += other.receivedMw;
  const noiseDbm = noisePerResourceElementDbm(best.band, settings.noiseFigureDb);
  const sinr = best.receivedMw / (settings.loadFraction * interferenceMw + 10 ** (noiseDbm / 10));
  const sinrDb = 10 * Math.log10(sinr);
  return {
    servers: reported,
    bestServerId: best.id,
    rsrpDbm: best.rsrpDbm,
    noiseDbm,
    sinrDb,
    rateMbps: userRateMbps(sinrDb, best.band, best.site.radio.bandwidthMHz, settings.loadFraction),
  };
}
