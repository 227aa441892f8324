/**
 * The engine a worker builds from its init message: the city rasterised from the shipped inputs for the
 * settings. The coverage worker and the pool's band workers build theirs the same way, so a band worker's
 * grid is the coverage worker's cell for cell.
 */
import { CoverageEngine } from '../domain/coverage/coverage-engine';
import type { CoverageInit } from './coverage-api-types';

export function engineFromInit(input: CoverageInit): CoverageEngine {
  return new CoverageEngine(
    {
      districts: input.districts,
      metroStations: input.metroStations,
      zones: input.zones,
      land: input.land,
      environment: input.environment,
      sea: input.sea,
    },
    input.settings,
  );
}
