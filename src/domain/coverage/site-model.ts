/**
 * Turns a site feature into what the grid needs: its cell, its kernel (shared by every site with the
 * same profile), a per-site dB offset and, for sectors, a bearing attenuation table.
 */
import {
  perResourceElementDbm,
  resolveRadio,
  SECTOR_FRONT_TO_BACK_DB,
  SUBCARRIER_SPACING_KHZ,
  scenarioFor,
} from '../propagation/link-budget';
import type { Band, SiteFeature, SiteKind } from '../types';
import type { CityRaster } from './city-raster';
import { columnCentreLon, columnOf, rowCentreLat, rowOf } from './grid';
import {
  buildKernel,
  ensureBearings,
  type Kernel,
  type KernelCache,
  MODEL_MAX_DISTANCE_M,
  negativePathLoss,
  sectorPatternTable,
} from './kernels';
import { type CoverageSettings, DENSITY_CLASSES, rsrpFloorDbm } from './settings';

export interface PlacedSite {
  id: string;
  feature: SiteFeature;
  kind: SiteKind;
  band: Band;
  column: number;
  row: number;
  kernel: Kernel;
  /** Added to every kernel value: per-RE power + gain − losses (path-loss mode), 0 in radius mode. */
  offset: number;
  /** Bearing-indexed attenuation for sectors in path-loss mode. */
  pattern: Float32Array | undefined;
  /**
   * For each merge level (see mergeLevels), per kernel row, the half width of the cells whose value can
   * reach that level; the last level is the whole kernel.
   */
  levelHalfWidths: Int32Array[];
  /** Radius used in radius mode, metres (for footprints). */
  radiusM: number;
  /**
   * Radius mode only: the site's offset from its cell centre, metres (east, south). Discs are merged from
   * the true position, not the snapped one, so the covered area is unbiased (a disc centred on a cell
   * centre always holds the same lattice count, up to 3 % off πr² for some radii).
   */
  disc: { offsetEastM: number; offsetSouthM: number; cellWidthM: number; cellHeightM: number } | undefined;
  environment: (typeof DENSITY_CLASSES)[number];
}

/** Value the grid starts from: nothing at or below it wins a cell. */
export function floorValue(settings: CoverageSettings): number {
  return settings.mode === 'radius' ? -0.5 : rsrpFloorDbm(settings);
}

/**
 * Value at or above which a served cell counts as covered. In radius mode every served cell is covered
 * (its value, 1 − (d/r)², is ≥ 0 up to rounding at the rim), so the bar sits between the floor and 0.
 */
export function coverValue(settings: CoverageSettings): number {
  return settings.mode === 'radius' ? -0.25 : settings.thresholdDbm;
}

const patternCache = new Map<string, Float32Array>();

export interface Profile {
  kernel: Kernel;
  offset: number;
  levelHalfWidths: Int32Array[];
  radiusM: number;
}

/**
 * Values at which a full compute splits every kernel into rings, strongest first: the threshold, then the
 * floor (path-loss mode); one level in radius mode. A ring below a level can only change land still below
 * that level, so the weak tails skip ground that is already covered. (Extra rings at the −75/−85/−95 dBm
 * class edges were measured and gave no gain: an 8×8 block almost always holds one weaker cell.)
 */
export function mergeLevels(settings: CoverageSettings): number[] {
  if (settings.mode === 'radius') return [floorValue(settings)];
  const floor = rsrpFloorDbm(settings);
  return settings.thresholdDbm > floor ? [settings.thresholdDbm, floor] : [floor];
}

/** Half width per kernel row of the cells whose kernel value is at least `minimum`. */
function halfWidthsAtLeast(kernel: Kernel, minimum: number): Int32Array {
  const result = new Int32Array(kernel.halfWidths.length).fill(-1);
  for (let rowIndex = 0; rowIndex < kernel.halfWidths.length; rowIndex++) {
    const half = kernel.halfWidths[rowIndex]!;
    const centre = kernel.rowStarts[rowIndex]! + half;
    let core = -1;
    while (core < half && kernel.values[centre + core + 1]! >= minimum) core++;
    result[rowIndex] = core;
  }
  return result;
}

/** Place one site on the grid with its kernel, offset and pattern (profiles cached in `profiles`). */
export function placeSite(
  feature: SiteFeature,
  city: CityRaster,
  settings: CoverageSettings,
  kernels: KernelCache,
  profiles: Map<string | number, Profile>,
): PlacedSite {
  const { grid } = city;
  const [lon, lat] = feature.geometry.coordinates as [number, number];
  const column = columnOf(grid, lon);
  const row = rowOf(grid, lat);
  const inside = column >= 0 && row >= 0 && column < grid.columns && row < grid.rows;
  const clampedRow = Math.min(grid.rows - 1, Math.max(0, row));
  const environment = DENSITY_CLASSES[inside ? city.environment[row * grid.columns + column]! : 3]!;
  // Cell width varies by ±0.7 % across the city; kernels are shared per 0.5 % band of width (key in
  // thousandths, a multiple of 5). A kernel's offsets are then at most 0.25 % off in distance; narrower
  // bands held many more kernels for no visible gain (docs/measurements.md, Coverage engine).
  const widthKey = Math.round((grid.rowCellWidthM[clampedRow]! / grid.cellM) * 200) * 5;
  const properties = feature.properties;
  const profileKey =
    settings.mode === 'radius' && properties.radiusM !== undefined && widthKey > 0 && widthKey < 4096
      ? radiusProfileKey(profiles, properties.radiusM, widthKey)
      : profileKeyOf(properties, environment, widthKey);
  let profile = profiles.get(profileKey);
  if (!profile) {
    profile = buildProfile(feature, environment, widthKey, city, settings, kernels);
    profiles.set(profileKey, profile);
  }
  let pattern: Float32Array | undefined;
  if (settings.mode === 'pathloss' && properties.azimuthDeg !== undefined) {
    ensureBearings(profile.kernel);
    const beamwidthDeg = properties.beamwidthDeg ?? 65;
    const patternKey = `${Math.round(properties.azimuthDeg)}|${beamwidthDeg}`;
    pattern = patternCache.get(patternKey);
    if (!pattern) {
      pattern = sectorPatternTable(Math.round(properties.azimuthDeg), beamwidthDeg, SECTOR_FRONT_TO_BACK_DB);
      patternCache.set(patternKey, pattern);
    }
  }
  return {
    id: properties.id,
    feature,
    kind: properties.kind ?? 'macro',
    band: properties.band ?? 'n78',
    column,
    row,
    kernel: profile.kernel,
    offset: profile.offset,
    pattern,
    levelHalfWidths: profile.levelHalfWidths,
    radiusM: profile.radiusM,
    environment,
    disc:
      settings.mode === 'radius'
        ? {
            offsetEastM:
              (lon - columnCentreLon(grid, column)) * (grid.rowCellWidthM[clampedRow]! / grid.lonStepDeg),
            offsetSouthM: (rowCentreLat(grid, row) - lat) * (grid.cellM / grid.latStepDeg),
            cellWidthM: grid.rowCellWidthM[clampedRow]!,
            cellHeightM: grid.cellM,
          }
        : undefined,
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
function radiusProfileKey(
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
 * Cache key of a site's profile. The common case (only kind, band and a height in centimetres given) gets a
 * number, which hashes several times faster than the general string key — placement of 70k sites is on the
 * full-recompute path.
 */
function profileKeyOf(
  properties: SiteFeature['properties'],
  environment: string,
  widthKey: number,
): string | number {
  const height = properties.heightM === undefined ? 99_999 : properties.heightM * 100;
  if (
    properties.powerDbm === undefined &&
    properties.bandwidthMHz === undefined &&
    properties.antennaGainDbi === undefined &&
    properties.radiusM === undefined &&
    Number.isInteger(height) &&
    height >= 0 &&
    height <= 99_999 &&
    widthKey > 0 &&
    widthKey < 4096
  ) {
    const kind = properties.kind === undefined ? 0 : (KIND_CODES[properties.kind] ?? 9);
    const band = properties.band === undefined ? 0 : (BAND_CODES[properties.band] ?? 9);
    if (kind !== 9 && band !== 9) {
      return (((kind * 5 + band) * 4 + ENVIRONMENT_CODES[environment]!) * 4096 + widthKey) * 100_000 + height;
    }
  }
  return `${properties.kind}|${properties.band}|${properties.heightM}|${properties.powerDbm}|${properties.bandwidthMHz}|${properties.antennaGainDbi}|${properties.radiusM}|${environment}|${widthKey}`;
}

function buildProfile(
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
    return { kernel, offset: 0, levelHalfWidths: [kernel.halfWidths], radiusM };
  }
  const scenario = scenarioFor(radio.kind, environment);
  const hBsM = Math.round(radio.heightM * 2) / 2;
  const offset =
    perResourceElementDbm(radio.powerDbm, radio.bandwidthMHz, SUBCARRIER_SPACING_KHZ[radio.band]) +
    radio.antennaGainDbi -
    settings.losses.bodyLossDb -
    settings.losses.shadowMarginDb;
  // Cut at a whole-dB bound below the floor so sites with nearly equal offsets share a kernel.
  const cut = Math.floor(rsrpFloorDbm(settings) - offset);
  const pathLossProfile = {
    model: scenario.model,
    condition: scenario.condition,
    fcGhz: radio.fcGhz,
    hBsM,
    hUtM: settings.losses.userHeightM,
  };
  const key = `p|${scenario.model}|${scenario.condition}|${radio.fcGhz}|${hBsM}|${pathLossProfile.hUtM}|${cut}|${grid.cellM}|${widthKey}`;
  const kernel = kernels.get(key, () =>
    buildKernel(
      negativePathLoss(pathLossProfile),
      cut,
      MODEL_MAX_DISTANCE_M[scenario.model],
      grid.cellM,
      cellWidthM,
    ),
  );
  // Each level's cells: kernel values that can reach the level once the site's offset is added.
  const levels = mergeLevels(settings);
  const levelHalfWidths = levels.map((level, index) =>
    index === levels.length - 1 ? kernel.halfWidths : halfWidthsAtLeast(kernel, Math.floor(level - offset)),
  );
  return { kernel, offset, levelHalfWidths, radiusM };
}
