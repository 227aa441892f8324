import type { CoverageFootprintProvider, SiteTemplate } from './instance-from-footprints';
import { planarFrameFor } from './spacing';

/** A plain metre grid anchored at its south-west corner; cell index = row × columns + column. */
export interface MetreGrid {
  originLon: number;
  originLat: number;
  cellSizeM: number;
  columns: number;
  rows: number;
}

/** Lon/lat of a point given in metres east and north of the grid origin. */
export function lonLatAtMetres(grid: MetreGrid, eastM: number, northM: number): { lon: number; lat: number } {
  const frame = planarFrameFor([grid.originLat]);
  return {
    lon: grid.originLon + eastM / frame.metresPerDegreeLon,
    lat: grid.originLat + northM / frame.metresPerDegreeLat,
  };
}

/**
 * Reference footprint provider for tests and benchmarks: a site covers every cell whose centre
 * lies within template.radiusM of it. The engine's radius mode should agree with it on a plain grid.
 */
export function createDiscFootprintProvider(grid: MetreGrid): CoverageFootprintProvider {
  const frame = planarFrameFor([grid.originLat]);
  return {
    gridCellCount: grid.columns * grid.rows,
    cellsCoveredBy(lon: number, lat: number, template: SiteTemplate): Int32Array {
      const radiusM = template.radiusM;
      if (radiusM === undefined || !(radiusM >= 0)) {
        throw new Error('Disc footprint provider needs template.radiusM ≥ 0.');
      }
      const eastM = (lon - grid.originLon) * frame.metresPerDegreeLon;
      const northM = (lat - grid.originLat) * frame.metresPerDegreeLat;
      const size = grid.cellSizeM;
      const firstColumn = Math.max(0, Math.floor((eastM - radiusM) / size));
      const lastColumn = Math.min(grid.columns - 1, Math.floor((eastM + radiusM) / size));
      const firstRow = Math.max(0, Math.floor((northM - radiusM) / size));
      const lastRow = Math.min(grid.rows - 1, Math.floor((northM + radiusM) / size));
      const cells: number[] = [];
      const radiusSquared = radiusM * radiusM;
      for (let row = firstRow; row <= lastRow; row++) {
        const dy = (row + 0.5) * size - northM;
        for (let column = firstColumn; column <= lastColumn; column++) {
          const dx = (column + 0.5) * size - eastM;
          if (dx * dx + dy * dy <= radiusSquared) cells.push(row * grid.columns + column);
        }
      }
      return Int32Array.from(cells);
    },
  };
}
