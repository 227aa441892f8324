/**
 * How much work each row of the grid brings to a full compute, estimated before any site is placed, so a
 * pool's row bands can be cut to take about the same time (row-bands.ts, splitRows). Land alone was a
 * poor guide: the city centre holds most sites on little land, so the band holding it took far longer.
 *
 * Per row: the land pass over its land cells, plus, for each site standing in it, the cells of its merge.
 * A site's merge is estimated as the disc of its coverage radius from the settings' radius table (kind,
 * band and the environment class of its cell; its own `radiusM` when it has one): in path-loss mode the
 * first ring merges the kernel's core, the cells that can reach the threshold, which is what the table
 * approximates, and the weak tails are merged only in the few blocks still uncovered.
 */
import type { SiteFeature } from '../types';
import type { CityRaster } from './city-raster';
import { columnOf, rowOf } from './grid';
import { type CoverageSettings, DENSITY_CLASSES } from './settings';

/**
 * Cost of a land cell in the land pass (classification, figures, runs) against one merged kernel cell
 * (a compare and a store), in the same unit.
 */
const LAND_CELL_COST = 2;

/** Estimated work per row (arbitrary unit): land cells and the merges of the sites standing in the row. */
export function estimatedRowWork(
  city: CityRaster,
  sites: readonly SiteFeature[],
  settings: CoverageSettings,
): Float64Array {
  const { grid, landRuns, environment } = city;
  const work = new Float64Array(grid.rows);
  for (let index = 0; index < landRuns.length; index += 4) {
    work[landRuns[index]!]! += LAND_CELL_COST * (landRuns[index + 2]! - landRuns[index + 1]! + 1);
  }
  const cellAreaM2 = settings.cellM * settings.cellM;
  for (const site of sites) {
    const [lon, lat] = site.geometry.coordinates as [number, number];
    const row = rowOf(grid, lat);
    if (row < 0 || row >= grid.rows) continue;
    const column = Math.min(grid.columns - 1, Math.max(0, columnOf(grid, lon)));
    const densityClass = DENSITY_CLASSES[environment[row * grid.columns + column]!] ?? 'rural';
    const { kind = 'macro', band = 'n78', radiusM } = site.properties;
    const tableM = settings.radiusTable[kind]?.[band]?.[densityClass] ?? 0;
    const reachM = radiusM ?? tableM;
    work[row]! += (Math.PI * reachM * reachM) / cellAreaM2;
  }
  return work;
}
