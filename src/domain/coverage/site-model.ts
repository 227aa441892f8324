/**
 * Turns a site feature into what the grid needs: its cell, its kernel (shared by every site with the
 * same profile), a per-site dB offset and, for sectors, a bearing attenuation table.
 */
import { DEFAULT_BEAMWIDTH_DEG } from '../propagation/antenna-pattern';
import type { Band, SiteFeature, SiteKind } from '../types';
import type { CityRaster } from './city-raster';
import {
  type CellWindow,
  clipWindow,
  columnCentreLon,
  columnOf,
  type GridGeometry,
  mergeWindows,
  rowCentreLat,
  rowOf,
} from './grid';
import { BAND_INDEX } from './interference-kernels';
import {
  ensureBearings,
  type Kernel,
  type KernelCache,
  type SectorPattern,
  sectorPatternTable,
} from './kernels';
import { type CoverageSettings, DENSITY_CLASSES } from './settings';
import { buildProfile, type Profile, profileKeyOf, radiusProfileKey } from './site-profiles';

export type { Profile } from './site-profiles';

export interface PlacedSite {
  id: string;
  feature: SiteFeature;
  kind: SiteKind;
  band: Band;
  /** The band's index in BANDS (per-band arrays). */
  bandIndex: number;
  column: number;
  row: number;
  kernel: Kernel;
  /** Added to every kernel value: per-RE power + gain − losses (path-loss mode), 0 in radius mode. */
  offset: number;
  /** 10^(offset/10): the linear factor of the site's interference contribution. */
  offsetLinear: number;
  /** Sectors in path-loss mode: the horizontal pattern by bearing. */
  pattern: SectorPattern | undefined;
  /**
   * For each merge level (see mergeLevels), per kernel row, the half width of the cells whose value can
   * reach that level. The last level is the serving floor; with SINR on the kernel reaches farther, to
   * the interference floor.
   */
  levelHalfWidths: Int32Array[];
  /** Cells of the kernel down to the serving floor, and how far they reach from the site's cell. */
  servingCells: number;
  servingReachCells: number;
  /** How far (cells) an edit of the site changes interference, SINR and quality state. */
  interferenceReachCells: number;
  /** Rate model of the site's carrier (site-profiles.ts). */
  rateFactorMbps: number;
  efficiency: Float64Array | undefined;
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

const patternCache = new Map<string, SectorPattern>();

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
      : profileKeyOf(properties, environment, widthKey, settings.mode === 'radius');
  let profile = profiles.get(profileKey);
  if (!profile) {
    profile = buildProfile(feature, environment, widthKey, city, settings, kernels);
    profiles.set(profileKey, profile);
  }
  let pattern: SectorPattern | undefined;
  if (settings.mode === 'pathloss' && properties.azimuthDeg !== undefined) {
    ensureBearings(profile.kernel);
    const beamwidthDeg = properties.beamwidthDeg ?? DEFAULT_BEAMWIDTH_DEG;
    const patternKey = `${Math.round(properties.azimuthDeg)}|${beamwidthDeg}`;
    pattern = patternCache.get(patternKey);
    if (!pattern) {
      pattern = sectorPatternTable(Math.round(properties.azimuthDeg), beamwidthDeg);
      patternCache.set(patternKey, pattern);
    }
  }
  return {
    id: properties.id,
    feature,
    kind: properties.kind ?? 'macro',
    band: properties.band ?? 'n78',
    bandIndex: BAND_INDEX[properties.band ?? 'n78'],
    column,
    row,
    kernel: profile.kernel,
    offset: profile.offset,
    offsetLinear: profile.offsetLinear,
    pattern,
    levelHalfWidths: profile.levelHalfWidths,
    servingCells: profile.servingCells,
    servingReachCells: profile.servingReachCells,
    interferenceReachCells: profile.interferenceReachCells,
    rateFactorMbps: profile.rateFactorMbps,
    efficiency: profile.efficiency,
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

/** The cells a site's merge can write (serving) or its interference can change (fine and coarse). */
function siteWindow(
  grid: GridGeometry,
  site: PlacedSite,
  extent: 'serving' | 'kernel',
): CellWindow | undefined {
  const reach = extent === 'serving' ? site.servingReachCells : site.interferenceReachCells;
  return clipWindow(grid, {
    column0: site.column - reach,
    row0: site.row - reach,
    column1: site.column + reach,
    row1: site.row + reach,
  });
}

/** The windows an edit from `before` to `after` changes (merged when they overlap). */
export function editWindows(
  grid: GridGeometry,
  before: PlacedSite | undefined,
  after: PlacedSite | undefined,
  extent: 'serving' | 'kernel',
): CellWindow[] {
  return mergeWindows(
    [before && siteWindow(grid, before, extent), after && siteWindow(grid, after, extent)].filter(
      (window): window is CellWindow => window !== undefined,
    ),
  );
}
