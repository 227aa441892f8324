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
import { type EngineOptions, localArrays } from './engine-arrays';
import { landSweep, touchedSweep, type WrittenCells } from './full-compute';
import { GapIndex } from './gaps';
import type { CellWindow } from './grid';
import { RunList } from './land-runs';
import { mergeSite } from './merge';
import { RadioGrid } from './radio-grid';
import { radioPass } from './radio-pass';
import { bandCity, bandOrder, bandWindow, type RowBand } from './row-bands';
import {
  type CoverageSettings,
  coverValue,
  defaultCoverageSettings,
  floorValue,
  mergeSettings,
} from './settings';
import { editWindows, type PlacedSite } from './site-model';
import { SiteSlots } from './site-slots';
import { CELL_COVERED_POOR, CoverageAccumulators, type CoverageArrays } from './statistics';
import { kernelCellCount, touchedRowsOf } from './touched-rows';

/**
 * A full compute sweeps only the cells its sites touch when their kernels together hold at most this
 * multiple of the land's cells (kernels overlap, so the touched cells are fewer); above it, sweeping the
 * land runs with ring-by-ring merging is cheaper (the crossover measurements are in
 * docs/measurements.md, Coverage engine).
 */
const TOUCHED_SWEEP_MAX_SHARE = 2.5;

export interface EditResult {
  /** Windows of cells that changed (clipped to the grid). */
  windows: CellWindow[];
  removedGapIds: number[];
  addedGapIds: number[];
}

export type { EngineOptions } from './engine-arrays';

export class CoverageEngine {
  settings: CoverageSettings;
  city!: CityRaster;
  arrays!: CoverageArrays;
  accumulators!: CoverageAccumulators;
  gaps!: GapIndex;
  /** Quality gaps: covered cells below the SINR threshold (none while SINR is off). */
  qualityGaps!: GapIndex;
  /** Interference sums and per-cell SINR, in path-loss mode with SINR on (docs/radio.md). */
  radio: RadioGrid | undefined;
  private store = new SiteSlots();
  /** The last full compute's uncovered and (SINR) poor runs, in row order: gap labelling's input. */
  readonly uncoveredRuns = new RunList();
  readonly poorRuns = new RunList();
  private landCells = 0;
  /** Where cells may differ from the reset state; undefined = unknown (reset every land cell). */
  private written: WrittenCells | undefined;
  /**
   * How a full compute sweeps the grid: 'auto' chooses by the sites' kernel cells against the land's
   * (TOUCHED_SWEEP_MAX_SHARE); 'touched' and 'land' force one way (tests compare the two).
   */
  fullComputeSweep: 'auto' | 'touched' | 'land' = 'auto';
  /**
   * Counts every change of the gap components (a labelling or an edit), so a reader that kept up with
   * them edit by edit (the worker's gap shipping) can tell when they changed some other way.
   */
  gapRevision = 0;

  constructor(
    private readonly input: CityInput,
    settings: Partial<CoverageSettings> = {},
    private readonly options: EngineOptions = {},
  ) {
    this.settings = mergeSettings(defaultCoverageSettings(), settings);
    this.rebuildCity(options.prebuiltCity);
  }

  private rebuildCity(prebuilt?: CityRaster): void {
    this.city = prebuilt ?? buildCityRaster(this.input, this.settings);
    const { cellCount } = this.city.grid;
    this.arrays = (this.options.allocateArrays ?? localArrays)(cellCount);
    this.accumulators = new CoverageAccumulators(this.city);
    this.gaps = new GapIndex(this.city);
    this.qualityGaps = new GapIndex(this.city, {
      kind: 'quality',
      target: CELL_COVERED_POOR,
      sharedLabels: this.gaps.labelStore,
    });
    this.radio = undefined;
    this.store.clearProfiles();
    this.written = undefined;
    // New, empty gap indices: a change of the gaps like any other.
    this.gapRevision++;
    const { landRuns } = this.city;
    this.landCells = 0;
    for (let index = 0; index < landRuns.length; index += 4)
      this.landCells += landRuns[index + 2]! - landRuns[index + 1]! + 1;
  }

  /**
   * Compute into another engine's arrays (a pool's helper writing its band into the coordinator's
   * SharedArrayBuffer arrays): they must have this grid's cell count.
   */
  shareArrays(arrays: CoverageArrays): void {
    const { cellCount } = this.city.grid;
    if (
      arrays.best.length !== cellCount ||
      arrays.server.length !== cellCount ||
      arrays.cellState.length !== cellCount
    )
      throw new RangeError(`shared arrays hold ${arrays.best.length} cells, the grid ${cellCount}`);
    this.arrays = arrays;
    this.written = undefined;
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
    else this.store.clearProfiles();
    if (recompute) this.computeAll(this.sites());
  }

  /** Site slots in site order; removed slots are undefined until compaction. */
  get slots(): readonly (PlacedSite | undefined)[] {
    return this.store.slots;
  }

  /** The current sites in site order. */
  sites(): SiteFeature[] {
    return this.store.sites();
  }

  /** Full recompute for a new site list (later duplicates of an id replace earlier ones). */
  computeAll(sites: readonly SiteFeature[]): void {
    for (const _ of this.computeSteps(sites)) {
      // run to completion
    }
  }

  /**
   * Full recompute as steps, yielding progress 0–1 so a worker can report it and cancel between steps.
   * With `band` only that band of rows is computed (row-bands.ts: a pool computes the bands in parallel
   * and one engine adopts the others' results); zones and gaps then wait for finishBands.
   */
  *computeSteps(sites: readonly SiteFeature[], chunk = 4096, band?: RowBand): Generator<number> {
    this.store.placeAll(sites, this.city, this.settings);
    yield 0.05;
    const radio = this.prepareRadio();
    const radius = this.settings.mode === 'radius';
    const touched =
      !band && this.sweepTouched() ? touchedRowsOf(this.slots, this.city.grid, radius) : undefined;
    const order = band ? bandOrder(this.slots, band) : undefined;
    if (radio) yield* radio.rebuildSums(this.slots, touched === undefined, chunk, order);
    const previous = this.written;
    // Unknown until the sweep has run (a compute abandoned between steps leaves cells written anywhere).
    this.written = undefined;
    this.accumulators.reset(this.slots.length);
    this.uncoveredRuns.clear();
    const context = {
      city: band ? bandCity(this.city, band) : this.city,
      settings: this.settings,
      arrays: this.arrays,
      accumulators: this.accumulators,
      slots: this.slots,
      uncovered: this.uncoveredRuns,
      interference: radio?.sums,
      order,
      window: band ? bandWindow(this.city.grid, band) : undefined,
    };
    if (touched) yield* touchedSweep(context, touched, previous, chunk);
    else yield* landSweep(context, chunk);
    if (!band) this.accumulators.accumulateCityZones(this.arrays.cellState, touched, radius);
    this.poorRuns.clear();
    if (radio) {
      const { city, accumulators, arrays, slots, poorRuns } = this;
      radioPass(accumulators, city, arrays, radio, slots, 1, context.window, poorRuns);
    }
    this.written = touched ? { touched, windows: [], windowCells: 0 } : undefined;
    yield 0.9;
    if (!band) this.labelGaps();
    yield 1;
  }

  /** Gap components from the uncovered and poor runs of the last full compute (or adopted bands). */
  labelGaps(): void {
    this.gapRevision++;
    this.gaps.labelRuns(this.uncoveredRuns);
    this.qualityGaps.labelRuns(this.poorRuns);
  }

  /** The radio grid when SINR is on in path-loss mode (made or configured here), else none (freed). */
  private prepareRadio(): RadioGrid | undefined {
    if (this.settings.mode !== 'pathloss' || !this.settings.sinr) {
      this.radio = undefined;
      return undefined;
    }
    this.radio ??= new RadioGrid(this.city);
    this.radio.configure(this.settings);
    return this.radio;
  }

  private sweepTouched(): boolean {
    if (this.fullComputeSweep !== 'auto') return this.fullComputeSweep === 'touched';
    return kernelCellCount(this.slots) <= TOUCHED_SWEEP_MAX_SHARE * this.landCells;
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

  /** Add a site or replace the one with the same id, updating only the cells it touches. */
  upsertSite(feature: SiteFeature): EditResult {
    const slotIndex = this.store.slotOf(feature.properties.id);
    const placed = this.store.place(feature, this.city, this.settings);
    if (slotIndex === undefined) {
      const newIndex = this.store.reserve(placed.id);
      this.accumulators.ensureSlot(newIndex);
      return this.edit(newIndex, undefined, placed);
    }
    return this.edit(slotIndex, this.slots[slotIndex], placed);
  }

  /** Move a site to a new position (same radio parameters). */
  moveSite(id: string, lon: number, lat: number): EditResult {
    const old = this.site(id);
    if (!old) throw new RangeError(`no site with id ${id}`);
    return this.upsertSite({ ...old.feature, geometry: { type: 'Point', coordinates: [lon, lat] } });
  }

  /** Remove a site by id. */
  removeSite(id: string): EditResult {
    const slotIndex = this.store.slotOf(id);
    if (slotIndex === undefined) throw new RangeError(`no site with id ${id}`);
    this.store.forget(id);
    return this.edit(slotIndex, this.slots[slotIndex], undefined);
  }

  /**
   * Replace a slot's site. Best server and coverage change within the serving windows of the old and new
   * site; with SINR on, the interference sums (the old site's contribution subtracted, the new one's
   * added), SINR and quality state change within their whole kernels' windows, so figures are taken off
   * and put back over those.
   */
  private edit(slotIndex: number, before: PlacedSite | undefined, after: PlacedSite | undefined): EditResult {
    const serving = editWindows(this.city.grid, before, after, 'serving');
    const radio = this.radio;
    const windows = radio ? editWindows(this.city.grid, before, after, 'kernel') : serving;
    this.noteWritten(windows);
    const cover = coverValue(this.settings);
    const withClasses = this.settings.mode === 'pathloss';
    const { accumulators, arrays, city, slots } = this;
    for (const window of windows) {
      accumulators.accumulate(arrays, window, cover, -1, withClasses);
      if (radio) radioPass(accumulators, city, arrays, radio, slots, -1, window);
    }
    this.store.replace(slotIndex, after);
    if (radio && before) radio.sums.add(before, -1);
    if (radio && after) radio.sums.add(after, 1);
    for (const window of serving) this.recomputeWindow(window);
    for (const window of windows) {
      accumulators.accumulate(arrays, window, cover, 1, withClasses);
      if (radio) radioPass(accumulators, city, arrays, radio, slots, 1, window);
    }
    // The two gap indices share labels: both dissolve before either floods (GapIndex.dissolveNear).
    this.gapRevision++;
    const removedGapIds = this.gaps.dissolveNear(serving);
    if (radio) removedGapIds.push(...this.qualityGaps.dissolveNear(windows));
    const addedGapIds = this.gaps.floodNear(arrays.cellState, serving);
    if (radio) addedGapIds.push(...this.qualityGaps.floodNear(arrays.cellState, windows));
    return { windows, removedGapIds, addedGapIds };
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
    const candidates = this.store.index.query(window, this.store.maxReachCells);
    candidates.sort((a, b) => a - b);
    for (const slotIndex of candidates) this.merge(slotIndex, window);
  }

  /** Cells served (covered, on land) and their area for a site id. */
  siteFootprint(id: string): { servedCells: number; servedKm2: number } | undefined {
    const slotIndex = this.store.slotOf(id);
    if (slotIndex === undefined) return undefined;
    return {
      servedCells: this.accumulators.servedCells[slotIndex] ?? 0,
      servedKm2: this.accumulators.servedKm2[slotIndex] ?? 0,
    };
  }

  /** The placed site for an id. */
  site(id: string): PlacedSite | undefined {
    const slotIndex = this.store.slotOf(id);
    return slotIndex === undefined ? undefined : this.slots[slotIndex];
  }
}
