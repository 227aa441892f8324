/** Deterministic sample data and derived plan geometry shipped in data/geo/. */
export * from './calibration';
export {
  buildDistrictLabels,
  type DistrictLabelCollection,
  type DistrictLabelProperties,
} from './district-labels';
export type { DistrictLand, EnvironmentPolygons } from './environment-lookup';
export { areaKm2, discMatchingArea } from './plan-zone-geometry';
export { buildPlanZones, type PlanZoneCollection, type PlanZoneInput } from './plan-zones';
export {
  generateRoadPoles,
  type RoadPoleInput,
  type RoadPoleOptions,
  type SamplePoleCollection,
  SHIPPED_POLE_SEED,
} from './road-poles';
export { type SampleMetadata, serializeCollection } from './sample-metadata';
export {
  generateSampleSites,
  type SampleSiteCollection,
  type SampleSiteInput,
  type SampleSiteOptions,
} from './sample-sites';
