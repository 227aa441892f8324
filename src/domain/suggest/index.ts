/** Site selection (maximum coverage): lazy greedy, plain greedy and exact (HiGHS). */
export { createDiscFootprintProvider, lonLatAtMetres, type MetreGrid } from './disc-footprint-reference';
export {
  EXACT_MAX_CANDIDATES,
  type ExactSelectionOptions,
  type ExactSelectionResult,
  ExactSelectionTooLargeError,
  selectSitesExact,
} from './exact';
export { type GreedyMethod, selectSites, selectSitesSync } from './greedy';
export { type ExactSolver, type HighsLoadOptions, loadHighsSolver } from './highs-loader';
export {
  type CandidateInput,
  coverageOfCandidateSet,
  createSelectionInstance,
  totalDemandWeight,
  validateSelectionInstance,
} from './instance';
export {
  buildSelectionInstance,
  type CandidateSite,
  type CoverageFootprintProvider,
  collectUncoveredDemand,
  type SiteTemplate,
} from './instance-from-footprints';
export { type RandomDiscInstanceSpec, randomDiscInstance, seededRandom } from './synthetic-instance';
export type * from './types';
