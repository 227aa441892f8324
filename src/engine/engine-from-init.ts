/**
 * The engine a worker builds from its init message: the city rasterised from the shipped inputs for the
 * settings, or read from the build's grid file of it when the message carries one made for these settings
 * and inputs (city-grid-file.ts; otherwise, or when the file fails its checks, rasterised as before). The
 * coverage worker and the pool's band workers build theirs the same way, so a band worker's grid is the
 * coverage worker's cell for cell.
 */
import { cityGridKey, readCityGridFile } from '../domain/coverage/city-grid-file';
import type { CityRaster } from '../domain/coverage/city-raster';
import { CoverageEngine } from '../domain/coverage/coverage-engine';
import { defaultCoverageSettings, mergeSettings } from '../domain/coverage/settings';
import type { CoverageInit, GridInfo } from './coverage-api-types';

export interface EngineFromInit {
  engine: CoverageEngine;
  /** Where the city's grid came from: the build's file, or rasterised here. */
  gridSource: GridInfo['gridSource'];
  /** Why a grid file that came with the message was not used. */
  gridFileRefused?: string;
}

export function engineFromInit(input: CoverageInit): EngineFromInit {
  const settings = mergeSettings(defaultCoverageSettings(), input.settings ?? {});
  let prebuiltCity: CityRaster | undefined;
  let gridFileRefused: string | undefined;
  if (input.cityGrid) {
    try {
      prebuiltCity = readCityGridFile(
        input.cityGrid.bytes,
        cityGridKey(settings, input.cityGrid.inputDigest),
      );
    } catch (error) {
      gridFileRefused = error instanceof Error ? error.message : String(error);
    }
  }
  const engine = new CoverageEngine(
    {
      districts: input.districts,
      metroStations: input.metroStations,
      zones: input.zones,
      land: input.land,
      environment: input.environment,
      sea: input.sea,
    },
    settings,
    prebuiltCity ? { prebuiltCity } : {},
  );
  return {
    engine,
    gridSource: prebuiltCity ? 'file' : 'built',
    ...(gridFileRefused === undefined ? {} : { gridFileRefused }),
  };
}

/** The grid's shape, as the worker's init answers it. */
export function gridInfo(engine: CoverageEngine, gridSource: GridInfo['gridSource']): GridInfo {
  const { grid } = engine.city;
  return {
    columns: grid.columns,
    rows: grid.rows,
    cellM: grid.cellM,
    bounds: [grid.west, grid.south, grid.east, grid.north],
    landKm2: engine.city.landKm2,
    gridSource,
  };
}
