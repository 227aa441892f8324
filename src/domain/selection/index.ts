/** Site selection (maximum coverage): lazy greedy, plain greedy and exact (HiGHS). */
export { createDiscFootprintProvider, lonLatAtMetres, type MetreGrid } from './disc-footprint';
export {
  EXACT_MAX_CANDIDATES,
  type ExactSelectionOptions,
  type ExactSelectionResult,
  ExactSelectionTooLargeError,
  selectSitesExact,
} from './exact';
export {
  buildSelectionInstance,
  type CandidateSite,
  type CoverageFootprintProvider,
  collectUncoveredDemand,
  type SiteTemplate,
} from './footprint-provider';
export { type GreedyMethod, selectSites, selectSitesSync } from './greedy';
export { type ExactSolver, type HighsLoadOptions, loadHighsSolver } from './highs-loader';
export {
  type CandidateInput,
  coverageOfCandidateSet,
  createSelectionInstance,
  totalDemandWeight,
  validateSelectionInstance,
} from './instance';
export { type RandomDiscInstanceSpec, randomDiscInstance, seededRandom } from './synthetic-instance';
export type * from './types';
