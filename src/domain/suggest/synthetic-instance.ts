import { createDiscFootprintProvider, lonLatAtMetres, type MetreGrid } from './disc-footprint-reference';
import {
  buildSelectionInstance,
  type CandidateSite,
  collectUncoveredDemand,
} from './instance-from-footprints';
import type { SelectionInstance } from './types';

/** Small, fast, seedable PRNG (mulberry32) returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandomDiscInstanceSpec {
  seed: number;
  columns: number;
  rows: number;
  cellSizeM: number;
  candidateCount: number;
  minRadiusM: number;
  maxRadiusM: number;
  /** Existing sites (radius maxRadiusM) whose cells are already covered and so not demand. */
  existingSiteCount: number;
  /** Population hotspots raising the priority of nearby cells. */
  hotspotCount: number;
}

/**
 * A seeded synthetic layout on a metre grid near Shanghai: weighted demand (cell area × a
 * hotspot priority field) minus what existing sites cover, and disc candidates of varied radius.
 */
export function randomDiscInstance(spec: RandomDiscInstanceSpec): SelectionInstance {
  const random = seededRandom(spec.seed);
  const grid: MetreGrid = {
    originLon: 121.3,
    originLat: 31.1,
    cellSizeM: spec.cellSizeM,
    columns: spec.columns,
    rows: spec.rows,
  };
  const widthM = spec.columns * spec.cellSizeM;
  const heightM = spec.rows * spec.cellSizeM;
  const provider = createDiscFootprintProvider(grid);
  const covered = new Uint8Array(provider.gridCellCount);
  for (let site = 0; site < spec.existingSiteCount; site++) {
    const position = lonLatAtMetres(grid, random() * widthM, random() * heightM);
    for (const cell of provider.cellsCoveredBy(position.lon, position.lat, { radiusM: spec.maxRadiusM })) {
      covered[cell] = 1;
    }
  }
  const hotspots = Array.from({ length: spec.hotspotCount }, () => ({
    eastM: random() * widthM,
    northM: random() * heightM,
    sigmaM: (0.05 + 0.15 * random()) * Math.min(widthM, heightM),
    amplitude: 1 + 4 * random(),
  }));
  const cellAreaM2 = spec.cellSizeM * spec.cellSizeM;
  const demand = collectUncoveredDemand(covered, (cell) => {
    const eastM = ((cell % spec.columns) + 0.5) * spec.cellSizeM;
    const northM = (Math.floor(cell / spec.columns) + 0.5) * spec.cellSizeM;
    let priority = 1;
    for (const hotspot of hotspots) {
      const distanceSquared = (eastM - hotspot.eastM) ** 2 + (northM - hotspot.northM) ** 2;
      priority += hotspot.amplitude * Math.exp(-distanceSquared / (2 * hotspot.sigmaM ** 2));
    }
    return cellAreaM2 * priority;
  });
  const candidates: CandidateSite[] = Array.from({ length: spec.candidateCount }, (_, index) => ({
    id: `c${index}`,
    ...lonLatAtMetres(grid, random() * widthM, random() * heightM),
    template: { radiusM: spec.minRadiusM + random() * (spec.maxRadiusM - spec.minRadiusM) },
  }));
  return buildSelectionInstance(demand, candidates, provider, { radiusM: spec.minRadiusM });
}
