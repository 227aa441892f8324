/**
 * Exact radio figures at a point: every site's RSRP from the formulas themselves — great-circle distance
 * and bearing to the exact point, the 38.901 path loss computed (not tabulated), the antenna pattern at
 * the exact angles and the site's exact height and tilt — then best server, noise, SINR and rate. No
 * kernel, table, snapping or running sum: this is the reference the grid is tested against, and the CLI's
 * `probe` command. What "reaches" means is the grid's documented interference reach: the site's boresight
 * power (path loss and vertical pattern) above the interference floor, within the model's distance.
 */
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

interface ProbeSite {
  feature: SiteFeature;
  position: [number, number];
  radio: ReturnType<typeof resolveRadio>;
  scenario: ReturnType<typeof scenarioFor>;
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
  return sites.map((feature) => {
    const position = feature.geometry.coordinates as [number, number];
    const column = columnOf(grid, position[0]);
    const row = rowOf(grid, position[1]);
    const inside = column >= 0 && row >= 0 && column < grid.columns && row < grid.rows;
    // A site takes the environment of its own cell (as the grid does), rural outside the grid.
    const environment = DENSITY_CLASSES[inside ? city.environment[row * grid.columns + column]! : 3]!;
    const radio = resolveRadio(feature.properties);
    const offsetDb =
      radio.perReDbm + radio.antennaGainDbi - settings.losses.bodyLossDb - settings.losses.shadowMarginDb;
    return {
      feature,
      position,
      radio,
      scenario: scenarioFor(radio.kind, environment),
      offsetDb,
      cutDb: kernelCutDb(interferenceFloorDbm(settings), offsetDb),
    };
  });
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
    const { radio, scenario } = site;
    const { distanceM, bearingDeg } = distanceAndBearing(site.position, [lon, lat]);
    if (distanceM > MODEL_MAX_DISTANCE_M[scenario.model]) continue;
    const pathLossDb = -exactNegativePathLoss({
      model: scenario.model,
      condition: scenario.condition,
      fcGhz: radio.fcGhz,
      hBsM: radio.heightM,
      hUtM: userHeightM,
    })(distanceM);
    const { antenna } = radio;
    const boresightDb =
      -pathLossDb +
      verticalAttenuationDb(
        depressionAngleDeg(radio.heightM, userHeightM, distanceM),
        antenna.totalTiltDeg,
        antenna.verticalBeamwidthDeg,
      );
    if (!(boresightDb > site.cutDb)) continue;
    const antennaGainDb = antennaAttenuationDb(antenna, bearingDeg, distanceM, radio.heightM, userHeightM);
    const rsrpDbm = site.offsetDb + antennaGainDb - pathLossDb;
    servers.push({
      id: site.feature.properties.id,
      band: radio.band,
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
