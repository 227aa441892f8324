/**
 * A full compute split into bands of rows, so a pool of workers can compute them at once (docs/engine.md,
 * "Worker pool"). Each band is computed by an engine that merges only the sites whose kernel or
 * interference reaches it (a halo of rows around the band), in the same relative order as a whole compute,
 * so every cell of the band gets exactly the value, server, state and SINR the whole compute gives it.
 * One engine computes the first band and adopts the others' results; the figures are then sums of
 * per-band partial sums (equal to the whole compute's within floating-point rounding, about 1e-12
 * relative), and the gaps are labelled from the concatenated uncovered runs (identical).
 */
import type { SiteFeature } from '../types';
import type { CityRaster } from './city-raster';
import type { CoverageEngine } from './coverage-engine';
import { spatialOrder } from './full-compute';
import { type CellWindow, type GridGeometry, rowOf } from './grid';
import { BLOCK_CELLS } from './interference-kernels';
import { MODEL_MAX_DISTANCE_M } from './kernels';
import type { CoverageSettings } from './settings';
import type { PlacedSite } from './site-model';

/** Rows row0…row1 of the grid (inclusive). */
export interface RowBand {
  row0: number;
  row1: number;
}

/** What a band's engine hands back: its rows of the grid and its partial figures. */
export interface BandResult {
  band: RowBand;
  /**
   * Rows row0…row1 of the engine's arrays; servers as slots of the whole site list. Absent when the band
   * was computed into arrays shared with the adopting engine (SharedArrayBuffer): the rows are in place.
   */
  best?: Float32Array;
  server?: Int32Array;
  cellState?: Uint8Array;
  sinrCentiDb: Int16Array | undefined;
  districtCoveredKm2: Float64Array;
  classKm2: Float64Array;
  districtGoodKm2: Float64Array;
  districtRateKm2: Float64Array;
  zoneGoodKm2: Float64Array;
  zoneRateKm2: Float64Array;
  sinrGradeKm2: Float64Array;
  /** Per site of the band's list: served land, and its slot in the whole list. */
  servedKm2: Float64Array;
  servedCells: Int32Array;
  globalSlots: Int32Array;
  /** Uncovered and (SINR) poor runs of the band, in row order (RunList quadruples). */
  uncoveredRuns: Int32Array;
  poorRuns: Int32Array;
}

/**
 * Split the grid's rows into `count` bands of about equal work: `rowWork` per row when given (band-work.ts:
 * land plus the sites' merges), else the land cells.
 */
export function splitRows(city: CityRaster, count: number, rowWork?: Float64Array): RowBand[] {
  const { landRuns, grid } = city;
  let perRow = rowWork;
  if (!perRow) {
    perRow = new Float64Array(grid.rows);
    for (let index = 0; index < landRuns.length; index += 4)
      perRow[landRuns[index]!]! += landRuns[index + 2]! - landRuns[index + 1]! + 1;
  }
  let total = 0;
  for (let row = 0; row < grid.rows; row++) total += perRow[row]!;
  const bands: RowBand[] = [];
  let row0 = 0;
  let seen = 0;
  for (let row = 0; row < grid.rows && bands.length < count - 1; row++) {
    seen += perRow[row]!;
    if (seen >= (total * (bands.length + 1)) / count) {
      bands.push({ row0, row1: row });
      row0 = row + 1;
    }
  }
  bands.push({ row0, row1: grid.rows - 1 });
  return bands.filter((band) => band.row0 <= band.row1);
}

/** The city with only the band's land runs (land runs are in row order, so they are one stretch). */
export function bandCity(city: CityRaster, band: RowBand): CityRaster {
  const { landRuns } = city;
  let first = 0;
  while (first < landRuns.length && landRuns[first]! < band.row0) first += 4;
  let last = first;
  while (last < landRuns.length && landRuns[last]! <= band.row1) last += 4;
  return { ...city, landRuns: landRuns.subarray(first, last) };
}

/** The band as a window of whole rows. */
export function bandWindow(grid: GridGeometry, band: RowBand): CellWindow {
  return { column0: 0, row0: band.row0, column1: grid.columns - 1, row1: band.row1 };
}

/** Rows a site's merge (kernel) or its interference (fine and coarse sums) can reach from its own row. */
function reachRows(site: PlacedSite): number {
  return Math.max(site.kernel.reachRows, site.interferenceReachCells);
}

/** The slots reaching the band, in the whole compute's merge order (spatialOrder). */
export function bandOrder(slots: readonly (PlacedSite | undefined)[], band: RowBand): Int32Array {
  const order = spatialOrder(slots);
  let kept = 0;
  for (let step = 0; step < order.length; step++) {
    const slot = order[step]!;
    const site = slots[slot]!;
    const reach = reachRows(site);
    if (site.row + reach >= band.row0 && site.row - reach <= band.row1) order[kept++] = slot;
  }
  return order.slice(0, kept);
}

/**
 * The rows around a band a site can stand in and still reach it, before placing any site: path-loss
 * kernels stop at the models' largest distance (5 km), interference adds two coarse blocks for the
 * interpolation; radius-mode discs reach their largest radius. Generous by a few cells (placement is cheap
 * next to merging, and a site too many only costs its placement).
 */
export function haloRows(sites: readonly SiteFeature[], settings: CoverageSettings): number {
  let reachM = Math.max(...Object.values(MODEL_MAX_DISTANCE_M));
  if (settings.mode === 'radius') {
    reachM = 0;
    for (const byBand of Object.values(settings.radiusTable))
      for (const byClass of Object.values(byBand)) reachM = Math.max(reachM, ...Object.values(byClass));
    for (const site of sites) reachM = Math.max(reachM, site.properties.radiusM ?? 0);
  }
  // Cells are up to 1 % narrower than cellM across the city (kernels reach in columns too).
  return Math.ceil((reachM * 1.02) / settings.cellM) + 2 * BLOCK_CELLS + 2;
}

/** Indices (ascending) of the sites standing within `halo` rows of the band. */
export function sitesNearBand(
  sites: readonly SiteFeature[],
  grid: GridGeometry,
  band: RowBand,
  halo: number,
): Int32Array {
  const kept: number[] = [];
  sites.forEach((site, index) => {
    const row = rowOf(grid, site.geometry.coordinates[1]!);
    if (row + halo >= band.row0 && row - halo <= band.row1) kept.push(index);
  });
  return Int32Array.from(kept);
}

/**
 * Sites in slot order with later duplicates of an id replacing earlier ones (what placeAll does), so a
 * site's index in the list is its slot in every band's engine.
 */
export function uniqueSites(sites: readonly SiteFeature[]): SiteFeature[] {
  const slotById = new Map<string, number>();
  const unique: SiteFeature[] = [];
  for (const site of sites) {
    const slot = slotById.get(site.properties.id);
    if (slot !== undefined) unique[slot] = site;
    else {
      slotById.set(site.properties.id, unique.length);
      unique.push(site);
    }
  }
  return unique;
}

/**
 * Compute one band on an engine with the band's sites (`globalSlots[i]`: site i's slot in the whole list).
 * `shared`: the engine's arrays are the adopting engine's (SharedArrayBuffer), so the rows stay in place.
 */
export function computeBand(
  engine: CoverageEngine,
  sites: readonly SiteFeature[],
  globalSlots: Int32Array,
  band: RowBand,
  shared = false,
): BandResult {
  for (const _ of engine.computeSteps(sites, Number.MAX_SAFE_INTEGER, band)) {
    // run to completion
  }
  return extractBand(engine, band, globalSlots, shared);
}

/**
 * The band's rows and partial figures of an engine that computed it. With `shared` arrays the servers are
 * turned into global slots in place and the rows are not copied.
 */
export function extractBand(
  engine: CoverageEngine,
  band: RowBand,
  globalSlots: Int32Array,
  shared = false,
): BandResult {
  const { columns } = engine.city.grid;
  const from = band.row0 * columns;
  const to = (band.row1 + 1) * columns;
  const server = shared ? engine.arrays.server.subarray(from, to) : engine.arrays.server.slice(from, to);
  for (let cell = 0; cell < server.length; cell++) {
    const slot = server[cell]!;
    if (slot >= 0) server[cell] = globalSlots[slot]!;
  }
  const { accumulators } = engine;
  return {
    band,
    ...(shared
      ? {}
      : {
          best: engine.arrays.best.slice(from, to),
          server,
          cellState: engine.arrays.cellState.slice(from, to),
        }),
    sinrCentiDb: engine.radio?.sinrCentiDb.slice(from, to),
    districtCoveredKm2: accumulators.districtCoveredKm2.slice(),
    classKm2: accumulators.classKm2.slice(),
    districtGoodKm2: accumulators.districtGoodKm2.slice(),
    districtRateKm2: accumulators.districtRateKm2.slice(),
    zoneGoodKm2: accumulators.zoneGoodKm2.slice(),
    zoneRateKm2: accumulators.zoneRateKm2.slice(),
    sinrGradeKm2: accumulators.sinrGradeKm2.slice(),
    servedKm2: accumulators.servedKm2.slice(),
    servedCells: accumulators.servedCells.slice(),
    globalSlots,
    uncoveredRuns: engine.uncoveredRuns.data.slice(0, engine.uncoveredRuns.length * 4),
    poorRuns: engine.poorRuns.data.slice(0, engine.poorRuns.length * 4),
  };
}

const addInto = (target: Float64Array, source: Float64Array): void => {
  for (let index = 0; index < target.length; index++) target[index]! += source[index]!;
};

/**
 * Adopt another band's result into an engine that computed the band above it (bands are adopted top to
 * bottom, so the runs stay in row order). Call finishBands after the last one.
 */
export function adoptBand(engine: CoverageEngine, result: BandResult): void {
  const { columns } = engine.city.grid;
  const from = result.band.row0 * columns;
  if (result.best) engine.arrays.best.set(result.best, from);
  if (result.server) engine.arrays.server.set(result.server, from);
  if (result.cellState) engine.arrays.cellState.set(result.cellState, from);
  if (engine.radio && result.sinrCentiDb) engine.radio.sinrCentiDb.set(result.sinrCentiDb, from);
  const { accumulators } = engine;
  addInto(accumulators.districtCoveredKm2, result.districtCoveredKm2);
  addInto(accumulators.classKm2, result.classKm2);
  addInto(accumulators.districtGoodKm2, result.districtGoodKm2);
  addInto(accumulators.districtRateKm2, result.districtRateKm2);
  addInto(accumulators.zoneGoodKm2, result.zoneGoodKm2);
  addInto(accumulators.zoneRateKm2, result.zoneRateKm2);
  addInto(accumulators.sinrGradeKm2, result.sinrGradeKm2);
  result.globalSlots.forEach((slot, local) => {
    accumulators.servedKm2[slot]! += result.servedKm2[local]!;
    accumulators.servedCells[slot]! += result.servedCells[local]!;
  });
  for (const [runs, list] of [
    [result.uncoveredRuns, engine.uncoveredRuns],
    [result.poorRuns, engine.poorRuns],
  ] as const) {
    for (let index = 0; index < runs.length; index += 4)
      list.push(runs[index]!, runs[index + 1]!, runs[index + 2]!, runs[index + 3]!);
  }
}

/** After the last band: zone figures over the whole grid, and the gap components. */
export function finishBands(engine: CoverageEngine): void {
  engine.accumulators.accumulateCityZones(
    engine.arrays.cellState,
    undefined,
    engine.settings.mode === 'radius',
  );
  engine.labelGaps();
}
