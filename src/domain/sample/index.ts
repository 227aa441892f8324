/** Deterministic sample data and derived plan geometry shipped in data/geo/. */
export * from './calibration';
export {
  buildDistrictLabels,
  type DistrictLabelCollection,
  type DistrictLabelProperties,
} from './district-labels';
export type { SampleInput } from './district-sampler';
export { areaKm2, discMatchingArea } from './plan-zone-geometry';
export { buildPlanZones, type PlanZoneCollection, type PlanZoneInput } from './plan-zones';
export { type SampleMetadata, serializeCollection } from './sample-metadata';
export {
  apportionPoles,
  generateSamplePoles,
  type SamplePoleCollection,
  type SamplePoleOptions,
} from './sample-poles';
export {
  apportionSites,
  generateSampleSites,
  type SampleSiteCollection,
  type SampleSiteOptions,
} from './sample-sites';
