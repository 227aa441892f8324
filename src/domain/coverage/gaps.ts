/**
 * Gaps: 4-connected components of land cells in one state — weak spots (uncovered) or quality gaps
 * (covered by RSRP but below the SINR threshold). A full compute finds them from runs
 * (gap-runs.ts); edits keep them up to date window by window with flood fill over per-cell labels, which
 * are written from the runs the first time they are needed. Polygons (cell-edge rings, one outer ring per
 * component, gap-outline.ts) are traced only when asked for, and are cached per component.
 */
import type { Feature, MultiPolygon } from 'geojson';
import type { CityRaster } from './city-raster';
import { gapFeatures } from './gap-features';
import { labelFromRuns } from './gap-runs';
import { type CellWindow, clipWindow } from './grid';
import type { RunList } from './land-runs';
import { CELL_UNCOVERED } from './statistics';

/** Kinds of gap: weak spots (no RSRP coverage) and quality gaps (covered, SINR below the threshold). */
export type GapKind = 'coverage' | 'quality';

/**
 * Quality gap ids start here, coverage gap ids at 1: the two kinds share one label array (their cells
 * are disjoint: a cell is uncovered or covered-but-poor, never both), and an id says whose label it is.
 */
export const QUALITY_GAP_ID_BASE = 1 << 30;

export interface GapComponent {
  id: number;
  cellCount: number;
  areaKm2: number;
  /** Σ area × zone weight, km² (for the priority score). */
  weightedAreaKm2: number;
  sumLonArea: number;
  sumLatArea: number;
  districtAreaKm2: Float64Array;
  seedCell: number;
  column0: number;
  row0: number;
  column1: number;
  row1: number;
  /** From a full compute: the component's runs (indices of quadruples in `data`, row order). */
  runs?: { data: Int32Array; members: Int32Array };
  polygon?: MultiPolygon | undefined;
  /**
   * Its feature as reported (gap-features.ts), cached: a component never changes while it lives (an edit
   * dissolves it and floods new ones), so each reply after an edit describes only the new components.
   */
  feature?: Feature<MultiPolygon, GapProperties> | undefined;
}

export interface GapProperties {
  id: number;
  kind: GapKind;
  areaKm2: number;
  cellCount: number;
  adcode: string;
  districtName: string;
  centroid: [number, number];
  /** Zone weight averaged over the gap's area (1 outside every zone). */
  weight: number;
  /** areaKm2 × district population density (people/km²) × weight. */
  priorityScore: number;
  /** km² of the gap in each district it reaches (adcode → km²); they sum to areaKm2. */
  districtAreasKm2?: Record<string, number>;
  /** km² of the gap in each plan zone it reaches (zone id → km²). */
  zoneAreasKm2?: Record<string, number>;
}

export class GapIndex {
  readonly components = new Map<number, GapComponent>();
  private nextId: number;
  private stack: Int32Array = new Int32Array(1 << 16);
  private readonly labelArray: Int32Array;
  /** The cell state whose components this index keeps. */
  private readonly target: number;
  readonly kind: GapKind;
  /** Whether `labelArray` holds the current components (else they are written from their runs on demand). */
  private labelsCurrent = true;
  /** Runs whose cells hold the only non-zero labels, unless a flood fill has labelled cells since. */
  private labelledRuns: Int32Array = new Int32Array(0);
  private floodedSinceWrite = false;
  private pendingRuns: Int32Array = new Int32Array(0);

  /**
   * Weak spots by default. A quality index passes its target state and shares the coverage index's labels
   * (`sharedLabels`), with ids from QUALITY_GAP_ID_BASE.
   */
  constructor(
    private readonly city: CityRaster,
    options: { kind?: GapKind; target?: number; sharedLabels?: Int32Array } = {},
  ) {
    this.kind = options.kind ?? 'coverage';
    this.target = options.target ?? CELL_UNCOVERED;
    this.nextId = this.kind === 'quality' ? QUALITY_GAP_ID_BASE : 1;
    this.labelArray = options.sharedLabels ?? new Int32Array(city.grid.cellCount);
  }

  /** Whether a non-zero label is one of this index's ids. */
  private owns(label: number): boolean {
    return label >= QUALITY_GAP_ID_BASE === (this.kind === 'quality');
  }

  /** The label array (for a quality index to share). */
  get labelStore(): Int32Array {
    return this.labelArray;
  }

  /** Per-cell component id (0 = none) of every land cell. */
  get labels(): Int32Array {
    if (!this.labelsCurrent) this.writeLabels();
    return this.labelArray;
  }

  /** Label from the uncovered runs of a full pass (see gap-runs.ts). */
  labelRuns(runs: RunList): void {
    labelFromRuns(this, this.city, runs);
  }

  /** Called by labelFromRuns: components now come with runs (`data`); labels are stale until asked for. */
  labelsPending(data: Int32Array): void {
    this.labelsCurrent = false;
    this.pendingRuns = data;
  }

  /** Clear the stale labels (just the runs last written, unless flood fills wrote elsewhere), then fill runs. */
  private writeLabels(): void {
    const { columns } = this.city.grid;
    const labels = this.labelArray;
    const stale = this.floodedSinceWrite ? this.city.landRuns : this.labelledRuns;
    for (let index = 0; index < stale.length; index += 4) {
      const start = stale[index]! * columns;
      // Only this index's labels: the other kind's may lie on these cells now.
      for (let cell = start + stale[index + 1]!, end = start + stale[index + 2]!; cell <= end; cell++) {
        const label = labels[cell]!;
        if (label !== 0 && this.owns(label)) labels[cell] = 0;
      }
    }
    for (const component of this.components.values()) {
      const runs = component.runs;
      if (!runs) continue;
      for (const run of runs.members) {
        const start = runs.data[run * 4]! * columns;
        labels.fill(component.id, start + runs.data[run * 4 + 1]!, start + runs.data[run * 4 + 2]! + 1);
      }
    }
    this.labelledRuns = this.pendingRuns;
    this.floodedSinceWrite = false;
    this.labelsCurrent = true;
  }

  /** A fresh component id. */
  takeId(): number {
    return this.nextId++;
  }

  /**
   * Relabel after the cells of `windows` changed: components touching them (or their 1-cell rim) are
   * dissolved and the uncovered cells there flood-filled again. Returns removed and added ids.
   */
  relabel(cellState: Uint8Array, windows: CellWindow[]): { removed: number[]; added: number[] } {
    const removed = this.dissolveNear(windows);
    return { removed, added: this.floodNear(cellState, windows) };
  }

  /**
   * The first half of relabel: dissolve the components touching the windows or their rim. When two
   * indices share labels, both must dissolve before either floods, or a cell that moved from one's state
   * to the other's would still carry its old label and be skipped.
   */
  dissolveNear(windows: CellWindow[]): number[] {
    const labels = this.labels;
    const removed: number[] = [];
    for (const window of this.expand(windows)) {
      this.forEachCell(window, (cell) => {
        const label = labels[cell]!;
        if (label === 0 || !this.owns(label)) return;
        this.dissolve(label);
        removed.push(label);
      });
    }
    return removed;
  }

  /** The second half of relabel: flood-fill the unlabelled cells of the index's state near the windows. */
  floodNear(cellState: Uint8Array, windows: CellWindow[]): number[] {
    const labels = this.labels;
    const added: number[] = [];
    for (const window of this.expand(windows)) {
      this.forEachCell(window, (cell) => {
        if (cellState[cell] === this.target && labels[cell] === 0) added.push(this.flood(cell, cellState));
      });
    }
    return added;
  }

  private expand(windows: CellWindow[]): CellWindow[] {
    const { grid } = this.city;
    return windows
      .map((window) =>
        clipWindow(grid, {
          column0: window.column0 - 1,
          row0: window.row0 - 1,
          column1: window.column1 + 1,
          row1: window.row1 + 1,
        }),
      )
      .filter((window): window is CellWindow => window !== undefined);
  }

  private forEachCell(window: CellWindow, visit: (cell: number) => void): void {
    const { columns } = this.city.grid;
    for (let row = window.row0; row <= window.row1; row++) {
      for (
        let cell = row * columns + window.column0, end = row * columns + window.column1;
        cell <= end;
        cell++
      ) {
        visit(cell);
      }
    }
  }

  /** Clear one component's labels by flood fill over its own label. */
  private dissolve(label: number): void {
    const component = this.components.get(label);
    if (!component) return;
    this.components.delete(label);
    const { columns } = this.city.grid;
    const labels = this.labelArray;
    let stack: Int32Array = this.stack;
    let top = 0;
    stack[top++] = component.seedCell;
    labels[component.seedCell] = 0;
    while (top > 0) {
      const cell = stack[--top]!;
      const column = cell % columns;
      if (top + 4 >= stack.length) stack = this.grow();
      if (column > 0 && labels[cell - 1] === label) {
        labels[cell - 1] = 0;
        stack[top++] = cell - 1;
      }
      if (column < columns - 1 && labels[cell + 1] === label) {
        labels[cell + 1] = 0;
        stack[top++] = cell + 1;
      }
      if (cell >= columns && labels[cell - columns] === label) {
        labels[cell - columns] = 0;
        stack[top++] = cell - columns;
      }
      if (cell + columns < labels.length && labels[cell + columns] === label) {
        labels[cell + columns] = 0;
        stack[top++] = cell + columns;
      }
    }
  }

  private grow(): Int32Array {
    const bigger = new Int32Array(this.stack.length * 2);
    bigger.set(this.stack);
    this.stack = bigger;
    return bigger;
  }

  /** Flood-fill one new component from a seed cell; returns its id. */
  private flood(seed: number, cellState: Uint8Array): number {
    const { grid, district, zoneWeightCode, zoneWeights, districts } = this.city;
    const { columns } = grid;
    const id = this.nextId++;
    const component: GapComponent = {
      id,
      cellCount: 0,
      areaKm2: 0,
      weightedAreaKm2: 0,
      sumLonArea: 0,
      sumLatArea: 0,
      districtAreaKm2: new Float64Array(districts.length),
      seedCell: seed,
      column0: Number.POSITIVE_INFINITY,
      row0: Number.POSITIVE_INFINITY,
      column1: -1,
      row1: -1,
    };
    const labels = this.labelArray;
    const target = this.target;
    this.floodedSinceWrite = true;
    let stack: Int32Array = this.stack;
    let top = 0;
    stack[top++] = seed;
    labels[seed] = id;
    while (top > 0) {
      const cell = stack[--top]!;
      const column = cell % columns;
      const row = (cell - column) / columns;
      const area = grid.rowCellAreaKm2[row]!;
      component.cellCount++;
      component.areaKm2 += area;
      component.weightedAreaKm2 += area * zoneWeights[zoneWeightCode[cell]!]!;
      component.sumLonArea += (column + 0.5) * area;
      component.sumLatArea += (row + 0.5) * area;
      component.districtAreaKm2[district[cell]! - 1]! += area;
      if (column < component.column0) component.column0 = column;
      if (column > component.column1) component.column1 = column;
      if (row < component.row0) component.row0 = row;
      if (row > component.row1) component.row1 = row;
      if (top + 4 >= stack.length) stack = this.grow();
      if (column > 0 && labels[cell - 1] === 0 && cellState[cell - 1] === target) {
        labels[cell - 1] = id;
        stack[top++] = cell - 1;
      }
      if (column < columns - 1 && labels[cell + 1] === 0 && cellState[cell + 1] === target) {
        labels[cell + 1] = id;
        stack[top++] = cell + 1;
      }
      if (cell >= columns && labels[cell - columns] === 0 && cellState[cell - columns] === target) {
        labels[cell - columns] = id;
        stack[top++] = cell - columns;
      }
      if (
        cell + columns < labels.length &&
        labels[cell + columns] === 0 &&
        cellState[cell + columns] === target
      ) {
        labels[cell + columns] = id;
        stack[top++] = cell + columns;
      }
    }
    this.components.set(id, component);
    return id;
  }

  /** Gaps at least minAreaKm2 in size as GeoJSON features, largest priority first (gap-features.ts). */
  features(minAreaKm2: number): Feature<MultiPolygon, GapProperties>[] {
    return gapFeatures(this, this.city, minAreaKm2);
  }
}
