/**
 * The coverage engine: best-server grid over the city, kept up to date site by site.
 * A full compute stamps every site's kernel into typed arrays, sweeping either the land (many sites) or
 * only the intervals the sites touch (few sites, touched-rows.ts); an edit recomputes only the windows its
 * old and new kernels touch (from the sites whose kernels reach them), then updates statistics and gaps
 * in those windows. Ties between sites go to the earlier one in site order, so an edited engine and a
 * fresh one built from `sites()` agree cell for cell, whichever sweep each used.
 */
import type { SiteFeature } from '../types';
import { buildCityRaster, type CityInput, type CityRaster } from './city-raster';
import { landSweep, touchedSweep, type WrittenCells } from './full-compute';
import { GapIndex } from './gaps';
import { type CellWindow, clipWindow, mergeWindows } from './grid';
import { KernelCache } from './kernels';
import { RunList } from './land-runs';
import { mergeSite } from './merge';
import {
  type CoverageSettings,
  coverValue,
  defaultCoverageSettings,
  floorValue,
  mergeSettings,
} from './settings';
import { type PlacedSite, type Profile, placeSite } from './site-model';
import { SpatialIndex } from './spatial-index';
import { CoverageAccumulators, type CoverageArrays } from './statistics';
import { kernelCellCount, touchedRowsOf } from './touched-rows';

/**
 * A full compute sweeps only the cells its sites touch when their kernels together hold at most this
 * multiple of the land's cells (kernels overlap, so the touched cells are fewer); above it, sweeping the
 * land runs with ring-by-ring merging is cheaper. Measured at 50 m (full compute, touched / land): radius
 * mode 10,000 sites (0.86) 47 / 54 ms, 20,000 (1.72) 83 / 89, 35,000 (3.0) 148 / 135; path loss
 * 2,000 (2.0) 57 / 74, 5,000 (5.0) 110 / 107.
 */
const TOUCHED_SWEEP_MAX_SHARE = 2.5;

export interface EditResult {
  /** Windows of cells that changed (clipped to the grid). */
  windows: CellWindow[];
  removedGapIds: number[];
  addedGapIds: number[];
}

export class CoverageEngine {
  settings: CoverageSettings;
  city!: CityRaster;
  arrays!: CoverageArrays;
  accumulators!: CoverageAccumulators;
  gaps!: GapIndex;
  /** Site slots in site order; removed slots are undefined until compaction. */
  slots: (PlacedSite | undefined)[] = [];
  private slotById = new Map<string, number>();
  private index!: SpatialIndex;
  private kernels = new KernelCache();
  private profiles = new Map<string | number, Profile>();
  private maxReachCells = 0;
  private uncoveredRuns = new RunList();
  private landCells = 0;
  /** Where cells may differ from the reset state; undefined = unknown (reset every land cell). */
  private written: WrittenCells | undefined;
  /**
   * How a full compute sweeps the grid: 'auto' chooses by the sites' kernel cells against the land's
   * (TOUCHED_SWEEP_MAX_SHARE); 'touched' and 'land' force one way (tests compare the two).
   */
  fullComputeSweep: 'auto' | 'touched' | 'land' = 'auto';

  constructor(
    private readonly input: CityInput,
    settings: Partial<CoverageSettings> = {},
  ) {
    this.settings = mergeSettings(defaultCoverageSettings(), settings);
    this.rebuildCity();
  }

  private rebuildCity(): void {
    this.city = buildCityRaster(this.input, this.settings);
    const { cellCount } = this.city.grid;
    this.arrays = {
      best: new Float32Array(cellCount),
      server: new Int32Array(cellCount).fill(-1),
      cellState: new Uint8Array(cellCount),
    };
    this.accumulators = new CoverageAccumulators(this.city);
    this.gaps = new GapIndex(this.city);
    this.index = new SpatialIndex(32);
    this.kernels = new KernelCache();
    this.profiles = new Map();
    this.written = undefined;
    const { landRuns } = this.city;
    this.landCells = 0;
    for (let index = 0; index < landRuns.length; index += 4)
      this.landCells += landRuns[index + 2]! - landRuns[index + 1]! + 1;
  }

  /** Change settings; rebuilds the city layers when the cell size or metro uplift changes, then recomputes. */
  setSettings(patch: Partial<CoverageSettings>, recompute = true): void {
    const next = mergeSettings(this.settings, patch);
    const rebuild = next.cellM !== this.settings.cellM || next.metroUpliftM !== this.settings.metroUpliftM;
    const zoneWeightsChanged = JSON.stringify(next.zoneWeights) !== JSON.stringify(this.settings.zoneWeights);
    this.settings = next;
    // The reset state's floor value depends on the mode and threshold.
    this.written = undefined;
    if (rebuild || zoneWeightsChanged) this.rebuildCity();
    else {
      this.kernels = new KernelCache();
      this.profiles = new Map();
    }
    if (recompute) this.computeAll(this.sites());
  }

  /** The current sites in site order. */
  sites(): SiteFeature[] {
    return this.slots.filter((slot): slot is PlacedSite => slot !== undefined).map((slot) => slot.feature);
  }

  /** Full recompute for a new site list (later duplicates of an id replace earlier ones). */
  computeAll(sites: readonly SiteFeature[]): void {
    for (const _ of this.computeSteps(sites)) {
      // run to completion
    }
  }

  /** Full recompute as steps, yielding progress 0–1 so a worker can report it and cancel between steps. */
  *computeSteps(sites: readonly SiteFeature[], chunk = 4096): Generator<number> {
    this.index.clear();
    this.maxReachCells = 0;
    if (this.sameIdsInOrder(sites)) {
      // Same plan again (settings change, re-sent scenario): the id → slot map still holds.
      for (let slotIndex = 0; slotIndex < sites.length; slotIndex++)
        this.slots[slotIndex] = this.place(sites[slotIndex]!);
    } else {
      this.slots = [];
      this.slotById.clear();
      for (const feature of sites) {
        const existing = this.slotById.get(feature.properties.id);
        const placed = this.place(feature);
        if (existing !== undefined) this.slots[existing] = placed;
        else {
          this.slotById.set(placed.id, this.slots.length);
          this.slots.push(placed);
        }
      }
    }
    this.slots.forEach((slot, slotIndex) => {
      if (slot) this.index.add(slotIndex, slot.column, slot.row);
    });
    yield 0.05;
    const radius = this.settings.mode === 'radius';
    const touched = this.sweepTouched() ? touchedRowsOf(this.slots, this.city.grid, radius) : undefined;
    const previous = this.written;
    // Unknown until the sweep has run (a compute abandoned between steps leaves cells written anywhere).
    this.written = undefined;
    this.accumulators.reset(this.slots.length);
    this.uncoveredRuns.clear();
    const context = {
      city: this.city,
      settings: this.settings,
      arrays: this.arrays,
      accumulators: this.accumulators,
      slots: this.slots,
      uncovered: this.uncoveredRuns,
    };
    if (touched) yield* touchedSweep(context, touched, previous, chunk);
    else yield* landSweep(context, chunk);
    this.accumulators.accumulateCityZones(this.arrays.cellState, touched, radius);
    this.written = touched ? { touched, windows: [], windowCells: 0 } : undefined;
    yield 0.9;
    this.gaps.labelRuns(this.uncoveredRuns);
    yield 1;
  }

  private sweepTouched(): boolean {
    if (this.fullComputeSweep !== 'auto') return this.fullComputeSweep === 'touched';
    return kernelCellCount(this.slots) <= TOUCHED_SWEEP_MAX_SHARE * this.landCells;
  }

  /**
   * Whether `sites` carry exactly the current slots' ids in slot order (no removed slots): then the id map
   * can be kept, which saves hashing every id again (~1 µs each, a tenth of placing 70k sites).
   */
  private sameIdsInOrder(sites: readonly SiteFeature[]): boolean {
    if (sites.length !== this.slots.length || this.slotById.size !== sites.length) return false;
    for (let slotIndex = 0; slotIndex < sites.length; slotIndex++) {
      if (this.slots[slotIndex]?.id !== sites[slotIndex]!.properties.id) return false;
    }
    return true;
  }

  private place(feature: SiteFeature): PlacedSite {
    const placed = placeSite(feature, this.city, this.settings, this.kernels, this.profiles);
    const reach = Math.max(placed.kernel.reachRows, placed.kernel.halfWidths[placed.kernel.reachRows]!);
    if (reach > this.maxReachCells) this.maxReachCells = reach;
    return placed;
  }

  /** Max-merge one site's kernel into the grid, clipped to a window. */
  private merge(slotIndex: number, window: CellWindow): void {
    const site = this.slots[slotIndex];
    if (site)
      mergeSite(
        this.arrays.best,
        this.arrays.server,
        this.city.grid.columns,
        site,
        slotIndex,
        window,
        undefined,
      );
  }

  private kernelWindow(site: PlacedSite): CellWindow | undefined {
    const { kernel } = site;
    return clipWindow(this.city.grid, {
      column0: site.column - this.maxHalfWidth(kernel.halfWidths),
      row0: site.row - kernel.reachRows,
      column1: site.column + this.maxHalfWidth(kernel.halfWidths),
      row1: site.row + kernel.reachRows,
    });
  }

  private maxHalfWidth(halfWidths: Int32Array): number {
    return halfWidths[(halfWidths.length - 1) / 2]!;
  }

  /** Add a site or replace the one with the same id, updating only the cells it touches. */
  upsertSite(feature: SiteFeature): EditResult {
    const slotIndex = this.slotById.get(feature.properties.id);
    const placed = this.place(feature);
    if (slotIndex === undefined) {
      const newIndex = this.slots.length;
      this.slots.push(placed);
      this.slotById.set(placed.id, newIndex);
      this.accumulators.ensureSlot(newIndex);
      return this.edit(newIndex, undefined, placed);
    }
    return this.edit(slotIndex, this.slots[slotIndex], placed);
  }

  /** Move a site to a new position (same radio parameters). */
  moveSite(id: string, lon: number, lat: number): EditResult {
    const slotIndex = this.slotById.get(id);
    const old = slotIndex === undefined ? undefined : this.slots[slotIndex];
    if (!old) throw new RangeError(`no site with id ${id}`);
    return this.upsertSite({ ...old.feature, geometry: { type: 'Point', coordinates: [lon, lat] } });
  }

  /** Remove a site by id. */
  removeSite(id: string): EditResult {
    const slotIndex = this.slotById.get(id);
    if (slotIndex === undefined) throw new RangeError(`no site with id ${id}`);
    this.slotById.delete(id);
    return this.edit(slotIndex, this.slots[slotIndex], undefined);
  }

  private edit(slotIndex: number, before: PlacedSite | undefined, after: PlacedSite | undefined): EditResult {
    const windows = mergeWindows(
      [before && this.kernelWindow(before), after && this.kernelWindow(after)].filter(
        (window): window is CellWindow => window !== undefined,
      ),
    );
    this.noteWritten(windows);
    const cover = coverValue(this.settings);
    const withClasses = this.settings.mode === 'pathloss';
    for (const window of windows) this.accumulators.accumulate(this.arrays, window, cover, -1, withClasses);
    if (before) this.index.remove(slotIndex, before.column, before.row);
    this.slots[slotIndex] = after;
    if (after) this.index.add(slotIndex, after.column, after.row);
    for (const window of windows) this.recomputeWindow(window);
    for (const window of windows) this.accumulators.accumulate(this.arrays, window, cover, 1, withClasses);
    const { removed, added } = this.gaps.relabel(this.arrays.cellState, windows);
    return { windows, removedGapIds: removed, addedGapIds: added };
  }

  /** Add an edit's windows to the cells to reset; past a quarter of the land, reset the land instead. */
  private noteWritten(windows: CellWindow[]): void {
    const written = this.written;
    if (!written) return;
    for (const window of windows) {
      written.windows.push(window);
      written.windowCells += (window.column1 - window.column0 + 1) * (window.row1 - window.row0 + 1);
    }
    if (written.windowCells > this.landCells / 4) this.written = undefined;
  }

  /** Recompute a window from scratch from every site whose kernel can reach it, in site order. */
  private recomputeWindow(window: CellWindow): void {
    const { best, server } = this.arrays;
    const { columns } = this.city.grid;
    const floor = floorValue(this.settings);
    for (let row = window.row0; row <= window.row1; row++) {
      best.fill(floor, row * columns + window.column0, row * columns + window.column1 + 1);
      server.fill(-1, row * columns + window.column0, row * columns + window.column1 + 1);
    }
    const candidates = this.index.query(window, this.maxReachCells);
    candidates.sort((a, b) => a - b);
    for (const slotIndex of candidates) this.merge(slotIndex, window);
  }

  /** Cells served (covered, on land) and their area for a site id. */
  siteFootprint(id: string): { servedCells: number; servedKm2: number } | undefined {
    const slotIndex = this.slotById.get(id);
    if (slotIndex === undefined) return undefined;
    return {
      servedCells: this.accumulators.servedCells[slotIndex] ?? 0,
      servedKm2: this.accumulators.servedKm2[slotIndex] ?? 0,
    };
  }

  /** The placed site for an id. */
  site(id: string): PlacedSite | undefined {
    const slotIndex = this.slotById.get(id);
    return slotIndex === undefined ? undefined : this.slots[slotIndex];
  }
}
