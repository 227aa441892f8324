import type { SiteProperties } from '../types';
import type { SelectionDemand, SelectionInstance } from './types';

/** The radio settings of a site to be suggested (kind, band, height, power, radius override…). */
export type SiteTemplate = Omit<SiteProperties, 'id' | 'name' | 'status' | 'poleId' | 'adcode' | 'synthetic'>;

/**
 * What the coverage engine implements so selection can ask "what would a new site here cover?".
 * Cell indices are the engine grid's (0 .. gridCellCount − 1); which cells count as covered
 * (radius mode, or RSRP ≥ threshold in path-loss mode) is the engine's decision.
 */
export interface CoverageFootprintProvider {
  readonly gridCellCount: number;
  /** Grid cells a hypothetical site of this template at lon/lat would cover, without duplicates. */
  cellsCoveredBy(lon: number, lat: number, template: SiteTemplate): Int32Array;
}

/** A candidate position; template overrides the run's default template for this candidate. */
export interface CandidateSite {
  id: string;
  lon: number;
  lat: number;
  template?: SiteTemplate;
}

/**
 * Demand from the engine's current coverage: every uncovered cell with weight > 0 (area × priority).
 * Returning weight 0 from weightOfCell is how a caller leaves a cell out (outside the area).
 */
export function collectUncoveredDemand(
  covered: ArrayLike<number>,
  weightOfCell: (cellIndex: number) => number,
): SelectionDemand {
  const cellIndices: number[] = [];
  const weights: number[] = [];
  for (let cell = 0; cell < covered.length; cell++) {
    if (covered[cell] !== 0) continue;
    const weight = weightOfCell(cell);
    if (weight > 0) {
      cellIndices.push(cell);
      weights.push(weight);
    }
  }
  return { cellIndex: Int32Array.from(cellIndices), weight: Float64Array.from(weights) };
}

/** Builds the CSR instance: asks the provider for each candidate's cells and keeps the demand ones. */
export function buildSelectionInstance(
  demand: SelectionDemand,
  candidates: readonly CandidateSite[],
  provider: CoverageFootprintProvider,
  defaultTemplate: SiteTemplate,
  signal?: AbortSignal,
): SelectionInstance {
  const slotOfCell = new Int32Array(provider.gridCellCount).fill(-1);
  demand.cellIndex.forEach((cell, slot) => {
    slotOfCell[cell] = slot;
  });
  const coverOffsets = new Int32Array(candidates.length + 1);
  let coverSlots = new Int32Array(Math.max(1024, candidates.length * 64));
  let entryCount = 0;
  candidates.forEach((candidate, index) => {
    if ((index & 1023) === 0) signal?.throwIfAborted();
    const cells = provider.cellsCoveredBy(
      candidate.lon,
      candidate.lat,
      candidate.template ?? defaultTemplate,
    );
    if (entryCount + cells.length > coverSlots.length) {
      const grown = new Int32Array(Math.max(coverSlots.length * 2, entryCount + cells.length));
      grown.set(coverSlots.subarray(0, entryCount));
      coverSlots = grown;
    }
    for (const cell of cells) {
      const slot = slotOfCell[cell] ?? -1;
      if (slot >= 0) coverSlots[entryCount++] = slot;
    }
    coverOffsets[index + 1] = entryCount;
  });
  return {
    demand,
    candidates: {
      id: candidates.map((candidate) => candidate.id),
      lon: Float64Array.from(candidates, (candidate) => candidate.lon),
      lat: Float64Array.from(candidates, (candidate) => candidate.lat),
      coverOffsets,
      coverSlots: coverSlots.slice(0, entryCount),
    },
  };
}
