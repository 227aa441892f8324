/**
 * What site selection asks of the engine: the cells a hypothetical site would cover, and the uncovered
 * demand of an area. Footprints come from the engine's own site model and merge code (placeSite +
 * mergeSite) run on a small scratch window, so a suggested site covers exactly what the engine computes
 * once it is added: coverage is a max-merge, so a cell becomes covered exactly when the new site's own
 * value reaches the cover level (radius: inside the disc; path loss: RSRP ≥ threshold).
 */
import type { CoverageFootprintProvider, SiteTemplate } from '../suggest/instance-from-footprints';
import type { SelectionDemand } from '../suggest/types';
import type { SiteFeature } from '../types';
import { zoneWeightAt } from './city-raster';
import type { CoverageEngine } from './coverage-engine';
import { type CellWindow, clipWindow, columnOf, rowOf } from './grid';
import { KernelCache } from './kernels';
import { mergeSite } from './merge';
import { coverValue, floorValue } from './settings';
import { type PlacedSite, type Profile, placeSite } from './site-model';
import { CELL_UNCOVERED } from './statistics';

/** The area suggestions are made for. Gap ids are the engine's current gap component ids. */
export type SuggestArea =
  | { kind: 'city' }
  | { kind: 'district'; adcode: string }
  | { kind: 'zone'; id: string }
  | { kind: 'gaps'; gapIds: readonly number[] };

/** How demand cells are weighted: by the weak-spot priority, or by plain area (coverage targets). */
export type DemandWeighting = 'priority' | 'area';

/** Engine-backed footprints: the land cells a site of a template at lon/lat would cover. */
export class EngineFootprintProvider implements CoverageFootprintProvider {
  readonly gridCellCount: number;
  private readonly kernels = new KernelCache();
  private readonly profiles = new Map<string | number, Profile>();
  private best = new Float32Array(4096);
  private server = new Int32Array(4096);

  constructor(private readonly engine: CoverageEngine) {
    this.gridCellCount = engine.city.grid.cellCount;
  }

  /** Grid cells (ascending, land only) the site would cover on its own. */
  cellsCoveredBy(lon: number, lat: number, template: SiteTemplate): Int32Array {
    const placed = this.place(lon, lat, template);
    const window = this.windowOf(placed);
    if (!window) return new Int32Array(0);
    const { city, settings } = this.engine;
    const width = window.column1 - window.column0 + 1;
    const height = window.row1 - window.row0 + 1;
    const size = width * height;
    if (this.best.length < size) {
      this.best = new Float32Array(size);
      this.server = new Int32Array(size);
    }
    const best = this.best;
    const server = this.server;
    best.fill(floorValue(settings), 0, size);
    server.fill(-1, 0, size);
    // The site shifted into window coordinates: the engine's merge then writes into the scratch arrays.
    const shifted: PlacedSite = {
      ...placed,
      column: placed.column - window.column0,
      row: placed.row - window.row0,
    };
    const local = { column0: 0, row0: 0, column1: width - 1, row1: height - 1 };
    // Level 0 = the cells whose value can reach the first merge level (the threshold in path-loss mode).
    mergeSite(best, server, width, shifted, 0, local, 0);
    const cover = coverValue(settings);
    const { district, grid } = city;
    const cells: number[] = [];
    for (let y = 0; y < height; y++) {
      const gridStart = (window.row0 + y) * grid.columns + window.column0;
      const localStart = y * width;
      for (let x = 0; x < width; x++) {
        if (server[localStart + x]! >= 0 && best[localStart + x]! >= cover && district[gridStart + x] !== 0) {
          cells.push(gridStart + x);
        }
      }
    }
    return Int32Array.from(cells);
  }

  private place(lon: number, lat: number, template: SiteTemplate): PlacedSite {
    const feature: SiteFeature = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties: { ...template, id: 'suggestion' },
    };
    return placeSite(feature, this.engine.city, this.engine.settings, this.kernels, this.profiles);
  }

  /** The same window the engine recomputes for a site's kernel, clipped to the grid. */
  private windowOf(site: PlacedSite): CellWindow | undefined {
    const { kernel } = site;
    const half = kernel.halfWidths[(kernel.halfWidths.length - 1) / 2]!;
    return clipWindow(this.engine.city.grid, {
      column0: site.column - half,
      row0: site.row - kernel.reachRows,
      column1: site.column + half,
      row1: site.row + kernel.reachRows,
    });
  }
}

/** Land cells of an area as a 0/1 mask over the grid, with their total area. */
export interface AreaMask {
  mask: Uint8Array;
  landKm2: number;
  coveredKm2: number;
}

/** Marks the land cells of an area; throws RangeError for an unknown district, zone or gap id. */
export function areaMask(engine: CoverageEngine, area: SuggestArea): AreaMask {
  const { grid, district, districts, zones } = engine.city;
  const mask = new Uint8Array(grid.cellCount);
  if (area.kind === 'city') {
    for (let cell = 0; cell < grid.cellCount; cell++) if (district[cell] !== 0) mask[cell] = 1;
  } else if (area.kind === 'district') {
    const index = districts.findIndex((info) => info.adcode === area.adcode);
    if (index < 0) throw new RangeError(`unknown district adcode ${area.adcode}`);
    for (let cell = 0; cell < grid.cellCount; cell++) if (district[cell] === index + 1) mask[cell] = 1;
  } else if (area.kind === 'zone') {
    const zone = zones.find((info) => info.id === area.id);
    if (!zone) throw new RangeError(`unknown plan zone ${area.id}`);
    for (let index = 0; index < zone.runs.length; index += 3) {
      const start = zone.runs[index]! * grid.columns;
      for (let column = zone.runs[index + 1]!; column <= zone.runs[index + 2]!; column++) {
        if (district[start + column] !== 0) mask[start + column] = 1;
      }
    }
  } else {
    const wanted = new Set(area.gapIds);
    for (const id of wanted) {
      if (!engine.gaps.components.has(id)) throw new RangeError(`unknown gap ${id}`);
    }
    const labels = engine.gaps.labels;
    for (const id of wanted) {
      const component = engine.gaps.components.get(id)!;
      for (let row = component.row0; row <= component.row1; row++) {
        for (let column = component.column0; column <= component.column1; column++) {
          const cell = row * grid.columns + column;
          if (labels[cell] === id) mask[cell] = 1;
        }
      }
    }
  }
  let landKm2 = 0;
  let coveredKm2 = 0;
  const state = engine.arrays.cellState;
  for (let row = 0; row < grid.rows; row++) {
    const area = grid.rowCellAreaKm2[row]!;
    for (let cell = row * grid.columns, end = cell + grid.columns; cell < end; cell++) {
      if (mask[cell] === 0) continue;
      landKm2 += area;
      if (state[cell] !== CELL_UNCOVERED) coveredKm2 += area;
    }
  }
  return { mask, landKm2, coveredKm2 };
}

/** Uncovered demand of an area plus each slot's area, km² (for gains in km² under any weighting). */
export interface AreaDemand {
  demand: SelectionDemand;
  areaKm2: Float64Array;
}

/**
 * The uncovered land cells of an area as selection demand. Priority weighting = cell area ×
 * population density of the cell's district × zone weight: summed over a weak spot inside one
 * district that is the spot's priorityScore, so suggestions chase the same spots the ranking lists.
 * A district without census facts counts density 1 so its cells are still demand.
 */
export function buildAreaDemand(
  engine: CoverageEngine,
  mask: Uint8Array,
  weighting: DemandWeighting,
): AreaDemand {
  const { grid, district, districts } = engine.city;
  const density = districts.map((info) => (info.populationDensity > 0 ? info.populationDensity : 1));
  const state = engine.arrays.cellState;
  // Two passes over typed arrays: a city has millions of uncovered cells, and growing JS arrays that
  // long costs seconds.
  let count = 0;
  for (let cell = 0; cell < grid.cellCount; cell++) {
    if (mask[cell] === 1 && state[cell] === CELL_UNCOVERED) count++;
  }
  const cellIndex = new Int32Array(count);
  const weight = new Float64Array(count);
  const areaKm2 = new Float64Array(count);
  let slot = 0;
  for (let row = 0; row < grid.rows; row++) {
    const area = grid.rowCellAreaKm2[row]!;
    for (let cell = row * grid.columns, end = cell + grid.columns; cell < end; cell++) {
      if (mask[cell] === 0 || state[cell] !== CELL_UNCOVERED) continue;
      cellIndex[slot] = cell;
      areaKm2[slot] = area;
      weight[slot] =
        weighting === 'area' ? area : area * density[district[cell]! - 1]! * zoneWeightAt(engine.city, cell);
      slot++;
    }
  }
  return { demand: { cellIndex, weight }, areaKm2 };
}

/** Grid cell of a lon/lat, or −1 outside the grid. */
export function cellAt(engine: CoverageEngine, lon: number, lat: number): number {
  const { grid } = engine.city;
  const column = columnOf(grid, lon);
  const row = rowOf(grid, lat);
  if (column < 0 || row < 0 || column >= grid.columns || row >= grid.rows) return -1;
  return row * grid.columns + column;
}
