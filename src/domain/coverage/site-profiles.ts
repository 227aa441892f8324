/**
 * Site profiles: everything about a site's coverage that does not depend on where it stands — its
 * kernel, dB offset and ring widths — shared by every site with the same kind, band, environment, height,
 * antenna tilt and vertical beamwidth (and radio overrides). Profiles are keyed by exactly what changes
 * them, so 70,000 sites share a few hundred kernels.
 */
import { correctionDb, correctionKey } from '../calibration/corrections';
import { antennaDefaults, depressionAngleDeg, verticalAttenuationDb } from '../propagation/antenna-pattern';
import {
  perResourceElementDbm,
  resolveRadio,
  SUBCARRIER_SPACING_KHZ,
  scenarioFor,
} from '../propagation/link-budget';
import { BAND_RATE_FACTORS, efficiencyTable, rateFactorMbps } from '../propagation/throughput';
import type { SiteFeature } from '../types';
import type { CityRaster } from './city-raster';
import { BLOCK_CELLS, TAPER_CELLS, type Taper } from './interference-kernels';
import {
  buildKernel,
  type Kernel,
  type KernelCache,
  MODEL_MAX_DISTANCE_M,
  negativePathLoss,
  radialReachM,
} from './kernels';
import {
  type CoverageSettings,
  type DENSITY_CLASSES,
  kernelCutDb,
  mergeLevels,
  rsrpFloorDbm,
} from './settings';

export interface Profile {
  kernel: Kernel;
  offset: number;
  offsetLinear: number;
  /**
   * For each merge level (see mergeLevels), per kernel row, the half width of the cells whose value can
   * reach that level. The last level is the serving floor: the kernel may reach farther (interference).
   */
  levelHalfWidths: Int32Array[];
  /** Cells of the kernel down to the serving floor (the cells a merge can write). */
  servingCells: number;
  /** How far (in cells, rows or columns) the serving extent reaches from the site's cell. */
  servingReachCells: number;
  /** How far its interference (fine, and coarse with the interpolation's block) changes SINR, cells. */
  interferenceReachCells: number;
  radiusM: number;
  /** Mbit/s per bit/RE of spectral efficiency (throughput.ts rateFactorMbps); 0 in radius mode. */
  rateFactorMbps: number;
  /** Spectral efficiency by SINR for the band's layers (throughput.ts efficiencyTable). */
  efficiency: Float64Array | undefined;
}

function cellsWithin(halfWidths: Int32Array): number {
  let cells = 0;
  for (const half of halfWidths) cells += half + 1 > 0 ? 2 * half + 1 : 0;
  return cells;
}

/** Farthest row or column offset with a cell in the half widths. */
function reachOf(halfWidths: Int32Array): number {
  const centre = (halfWidths.length - 1) / 2;
  let reach = 0;
  halfWidths.forEach((half, index) => {
    if (half >= 0) reach = Math.max(reach, half, Math.abs(index - centre));
  });
  return reach;
}

/** Tilt and vertical beamwidth are shared per 0.1° (docs/radio.md gives the worst-case error). */
const ANGLE_STEPS_PER_DEGREE = 10;
const roundAngle = (degrees: number): number =>
  Math.round(degrees * ANGLE_STEPS_PER_DEGREE) / ANGLE_STEPS_PER_DEGREE;

/** The total tilt and vertical beamwidth a site's kernel uses, rounded to the sharing step. */
export function kernelAntenna(properties: SiteFeature['properties']): {
  totalTiltDeg: number;
  verticalBeamwidthDeg: number;
} {
  const defaults = antennaDefaults(properties.kind ?? 'macro', properties.band ?? 'n78');
  return {
    totalTiltDeg: roundAngle(
      (properties.mechanicalTiltDeg ?? defaults.mechanicalTiltDeg) +
        (properties.electricalTiltDeg ?? defaults.electricalTiltDeg),
    ),
    verticalBeamwidthDeg: roundAngle(properties.verticalBeamwidthDeg ?? defaults.verticalBeamwidthDeg),
  };
}

const KIND_CODES: Record<string, number> = { macro: 1, micro: 2, indoor: 3 };
const BAND_CODES: Record<string, number> = { n28: 1, n41: 2, n78: 3, n79: 4 };
const ENVIRONMENT_CODES: Record<string, number> = { dense_urban: 0, urban: 1, suburban: 2, rural: 3 };

/** Per profile cache, a small id for each radius seen (see radiusProfileKey). */
const radiusIds = new WeakMap<Map<string | number, Profile>, Map<number, number>>();

/**
 * Cache key of a radius-mode profile for a site with its own radius: the profile depends on that radius
 * and the width band only. Radii are numbered in the order first seen, so the key is a number (negative,
 * apart from profileKeyOf's) and hashes fast: a string key was measurably slower (docs/measurements.md).
 */
export function radiusProfileKey(
  profiles: Map<string | number, Profile>,
  radiusM: number,
  widthKey: number,
): number {
  let ids = radiusIds.get(profiles);
  if (!ids) {
    ids = new Map();
    radiusIds.set(profiles, ids);
  }
  let id = ids.get(radiusM);
  if (id === undefined) {
    id = ids.size;
    ids.set(radiusM, id);
  }
  return -1 - (id * 4096 + widthKey);
}

/**
 * Cache key of a site's profile. The common case (kind, band, height and antenna angles only, no power,
 * bandwidth, gain or radius overrides) gets a number, which hashes several times faster than the general
 * string key — placement of 70k sites is on the full-recompute path. The number packs (kind, band,
 * environment, width band) in 19 bits, the height in half metres in 10, the total tilt in 0.1° from −40°
 * in 12 and the vertical beamwidth in 0.1° in 11: 52 bits, exact in a double. Radius mode ignores angles.
 */
export function profileKeyOf(
  properties: SiteFeature['properties'],
  environment: string,
  widthKey: number,
  radiusMode: boolean,
): string | number {
  const { totalTiltDeg, verticalBeamwidthDeg } = radiusMode
    ? { totalTiltDeg: -40, verticalBeamwidthDeg: 0 }
    : kernelAntenna(properties);
  const halfMetres = properties.heightM === undefined ? 1023 : Math.round(properties.heightM * 2);
  const tiltCode = Math.round((totalTiltDeg + 40) * ANGLE_STEPS_PER_DEGREE);
  const beamCode = Math.round(verticalBeamwidthDeg * ANGLE_STEPS_PER_DEGREE);
  if (
    properties.powerDbm === undefined &&
    properties.bandwidthMHz === undefined &&
    properties.antennaGainDbi === undefined &&
    properties.radiusM === undefined &&
    halfMetres >= 0 &&
    halfMetres <= 1023 &&
    tiltCode >= 0 &&
    tiltCode < 4096 &&
    beamCode >= 0 &&
    beamCode < 2048 &&
    widthKey > 0 &&
    widthKey < 4096
  ) {
    const kind = properties.kind === undefined ? 0 : (KIND_CODES[properties.kind] ?? 9);
    const band = properties.band === undefined ? 0 : (BAND_CODES[properties.band] ?? 9);
    if (kind !== 9 && band !== 9) {
      const base = ((kind * 5 + band) * 4 + ENVIRONMENT_CODES[environment]!) * 4096 + widthKey;
      return ((base * 1024 + halfMetres) * 4096 + tiltCode) * 2048 + beamCode;
    }
  }
  return `${properties.kind}|${properties.band}|${properties.heightM}|${properties.powerDbm}|${properties.bandwidthMHz}|${properties.antennaGainDbi}|${properties.radiusM}|${environment}|${widthKey}|${totalTiltDeg}|${verticalBeamwidthDeg}`;
}

/** The kernel's core half widths (its taper's level), computed once per kernel. */
function coreHalfWidths(kernel: Kernel): Int32Array {
  const tables = kernel.interference!;
  tables.coreHalfWidths ??= halfWidthsAtLeast(kernel, tables.taper.coreLevel);
  return tables.coreHalfWidths;
}

/**
 * Half width per kernel row of the cells whose kernel value is at least `minimum`: out to the row's last
 * such cell, so a dip under the mast (the vertical pattern's null) never cuts a ring short.
 */
export function halfWidthsAtLeast(kernel: Kernel, minimum: number): Int32Array {
  const result = new Int32Array(kernel.halfWidths.length).fill(-1);
  for (let rowIndex = 0; rowIndex < kernel.halfWidths.length; rowIndex++) {
    const half = kernel.halfWidths[rowIndex]!;
    const centre = kernel.rowStarts[rowIndex]! + half;
    let core = half;
    while (core >= 0 && kernel.values[centre + core]! < minimum) core--;
    result[rowIndex] = core;
  }
  return result;
}

/**
 * Where a kernel's power moves from the fine to the coarse interference sums (interference-kernels.ts).
 * The fine part ends where a site sharing the kernel can last serve a covered cell — kernel values at or
 * above cut + (threshold − serving floor), one sampling step added: its core — and tapers over the
 * TAPER_CELLS before. Sites whose core is narrower than two tapers (pole micros, indoor cells) keep all
 * their power fine, out to the interference reach: their fields change too fast for blocks. The coarse
 * part reaches as far as values stay above the interference floor's cut (a whole number of dB lower).
 */
function interferenceTaper(
  valueAt: (distanceM: number) => number,
  cut: number,
  settings: CoverageSettings,
  maxDistanceM: number,
  cellM: number,
): Taper {
  const step = cellM / 4;
  // Whole dB, so the level is at or below every sharing site's own core level.
  const coreLevel = Math.floor(cut + (settings.thresholdDbm - rsrpFloorDbm(settings)));
  const coreM = radialReachM(valueAt, coreLevel - 1e-9, maxDistanceM, step) + step;
  const coarseCut = cut - settings.interferenceMarginDb;
  const coarseReachM = Math.min(maxDistanceM, radialReachM(valueAt, coarseCut, maxDistanceM, step) + step);
  const taperM = TAPER_CELLS * cellM;
  if (coreM < 2 * taperM) {
    return { innerM: coarseReachM, outerM: coarseReachM, coreLevel, coarseCut, coarseReachM, fineOnly: true };
  }
  return { innerM: coreM - taperM, outerM: coreM, coreLevel, coarseCut, coarseReachM, fineOnly: false };
}

/** Build the profile of a site standing in `environment` on a row of width band `widthKey`. */
export function buildProfile(
  feature: SiteFeature,
  environment: (typeof DENSITY_CLASSES)[number],
  widthKey: number,
  city: CityRaster,
  settings: CoverageSettings,
  kernels: KernelCache,
): Profile {
  const { grid } = city;
  const cellWidthM = (widthKey / 1000) * grid.cellM;
  const radio = resolveRadio(feature.properties);
  const radiusM = feature.properties.radiusM ?? settings.radiusTable[radio.kind][radio.band][environment];
  if (settings.mode === 'radius') {
    const kernel = kernels.get(`r|${radiusM}|${grid.cellM}|${widthKey}`, () =>
      // Only the extent is used (windows, spatial queries): half a cell diagonal wider than the disc.
      buildKernel(
        (distance) => 1 - distance / radiusM,
        -2,
        radiusM + grid.cellM * 0.75,
        grid.cellM,
        cellWidthM,
      ),
    );
    return {
      kernel,
      offset: 0,
      offsetLinear: 1,
      levelHalfWidths: [kernel.halfWidths],
      servingCells: kernel.values.length,
      servingReachCells: reachOf(kernel.halfWidths),
      interferenceReachCells: reachOf(kernel.halfWidths),
      radiusM,
      rateFactorMbps: 0,
      efficiency: undefined,
    };
  }
  const scenario = scenarioFor(radio.kind, environment);
  const hBsM = Math.round(radio.heightM * 2) / 2;
  const hUtM = settings.losses.userHeightM;
  const offset =
    perResourceElementDbm(radio.powerDbm, radio.bandwidthMHz, SUBCARRIER_SPACING_KHZ[radio.band]) +
    radio.antennaGainDbi -
    settings.losses.bodyLossDb -
    settings.losses.shadowMarginDb;
  // Cut at a whole-dB bound below the floor so sites with nearly equal offsets share a kernel.
  const cut = kernelCutDb(rsrpFloorDbm(settings), offset);
  const { totalTiltDeg, verticalBeamwidthDeg } = kernelAntenna(feature.properties);
  const pathLossProfile = {
    model: scenario.model,
    condition: scenario.condition,
    fcGhz: radio.fcGhz,
    hBsM,
    hUtM,
  };
  // The calibration of the site's class adds its correction to the path loss (docs/calibration.md).
  const correction = settings.corrections.find((candidate) => candidate.environment === environment);
  const withSinr = settings.sinr;
  const key = `p|${scenario.model}|${scenario.condition}|${radio.fcGhz}|${hBsM}|${hUtM}|${cut}|${grid.cellM}|${widthKey}|${totalTiltDeg}|${verticalBeamwidthDeg}|${correctionKey(correction)}|${withSinr ? `i${settings.interferenceMarginDb}|${settings.thresholdDbm}` : ''}`;
  const kernel = kernels.get(key, () => {
    const negativeLoss = negativePathLoss(pathLossProfile);
    const vertical = (distanceM: number): number =>
      verticalAttenuationDb(depressionAngleDeg(hBsM, hUtM, distanceM), totalTiltDeg, verticalBeamwidthDeg);
    const valueAt = (distanceM: number): number =>
      negativeLoss(distanceM) + vertical(distanceM) - correctionDb(correction, distanceM);
    const maxDistanceM = MODEL_MAX_DISTANCE_M[scenario.model];
    const taper = withSinr ? interferenceTaper(valueAt, cut, settings, maxDistanceM, grid.cellM) : undefined;
    const built = buildKernel(valueAt, cut, maxDistanceM, grid.cellM, cellWidthM, vertical, taper?.outerM);
    if (taper) {
      built.interference = {
        taper,
        coreHalfWidths: undefined,
        fine: undefined,
        coarseByMetre: undefined,
        coarse: [],
      };
    }
    return built;
  });
  // Each level's cells: kernel values that can reach the level once the site's offset is added. With SINR
  // on, the first ring is the kernel's core for every site sharing it (a superset of each one's): the
  // fine interference sums live there and are added while it is merged (interference.ts).
  const tables = kernel.interference;
  const levelHalfWidths = mergeLevels(settings).map((level, index) =>
    index === 0 && tables && !tables.taper.fineOnly
      ? coreHalfWidths(kernel)
      : halfWidthsAtLeast(kernel, Math.floor(level - offset)),
  );
  const coarseReachM = kernel.interference?.taper.coarseReachM ?? 0;
  return {
    kernel,
    offset,
    offsetLinear: 10 ** (offset / 10),
    interferenceReachCells: Math.max(
      reachOf(kernel.halfWidths),
      Math.ceil(coarseReachM / grid.cellM) + 2 * BLOCK_CELLS,
    ),
    levelHalfWidths,
    servingCells: cellsWithin(levelHalfWidths[levelHalfWidths.length - 1]!),
    servingReachCells: reachOf(levelHalfWidths[levelHalfWidths.length - 1]!),
    radiusM,
    rateFactorMbps: rateFactorMbps(radio.band, radio.bandwidthMHz),
    efficiency: efficiencyTable(BAND_RATE_FACTORS[radio.band].maxLayers),
  };
}
