/** Request, result and progress types of the site suggestion (src/domain/suggest/suggest.ts). */
import type { DemandWeighting, SuggestArea } from '../coverage/engine-footprints';
import type { ExactSolver } from './highs-loader';
import type { CandidateSite, SiteTemplate } from './instance-from-footprints';
import type { SelectionMethod, SelectionStopReason } from './types';

/** Where a candidate position came from. */
export type CandidateSource = 'pole' | 'grid' | 'planner' | 'file';

export interface SuggestCandidate extends CandidateSite {
  source: CandidateSource;
  /** The comprehensive pole the site would be mounted on. */
  poleId?: string;
}

/** A number of sites, or a covered fraction of the area's land to reach with as few sites as possible. */
export type SuggestBudget =
  | { kind: 'count'; count: number }
  | { kind: 'target'; coveredFraction: number; maxCount?: number };

export interface SuggestRequest {
  area: SuggestArea;
  candidates: readonly SuggestCandidate[];
  template: SiteTemplate;
  budget: SuggestBudget;
  /** Minimum distance between two suggested sites, metres (0 = none). */
  minSpacingM?: number;
  /** Also keep the spacing from the sites already on the map. */
  spacingFromExistingSites?: boolean;
  method?: SelectionMethod;
  /** Sites taken out of the engine while suggesting (planner candidates competing as positions). */
  excludeSiteIds?: readonly string[];
}

export interface SuggestedSite {
  rank: number;
  id: string;
  lon: number;
  lat: number;
  source: CandidateSource;
  poleId?: string;
  /** The site as it would be built: the candidate's own attributes over the request's template. */
  template: SiteTemplate;
  /** Land of the area this site covers that nothing (nor an earlier pick) covered, km². */
  gainKm2: number;
  /** gainKm2 as percentage points of the area's land. */
  gainPercentagePoints: number;
  /** Area coverage after this pick, km². */
  cumulativeKm2: number;
  /** Weak spots (reported gaps) fully covered once this site is added. */
  gapsClosed: number[];
  /** The selection's own (priority) weight of the gain. */
  gainWeight: number;
  /** Newly covered land anywhere (also across the area's border), km². */
  cityGainKm2: number;
}

export interface SuggestCurvePoint {
  siteCount: number;
  coveredKm2: number;
  coveredFraction: number;
}

export interface SuggestResult {
  method: SelectionMethod;
  weighting: DemandWeighting;
  picks: SuggestedSite[];
  /** Coverage of the area against the number of suggested sites, starting at 0 sites. */
  curve: SuggestCurvePoint[];
  areaLandKm2: number;
  coveredKm2Before: number;
  coveredKm2After: number;
  cityCoveredKm2Before: number;
  cityCoveredKm2After: number;
  /** Candidates sent (all poles, grid points or scenario candidates of the chosen kinds, city-wide). */
  candidateCount: number;
  /** Of those, the ones the area's suggestion considered: inside the area (every one for weak spots). */
  consideredCandidateCount: number;
  /** Candidates inside the area whose footprint holds uncovered demand. */
  usefulCandidateCount: number;
  /** Uncovered land of the area that at least one candidate's footprint reaches, km². */
  reachableUncoveredKm2: number;
  demandCellCount: number;
  evaluationCount: number;
  stopReason: SelectionStopReason;
  targetReached: boolean;
  timings: { demandMs: number; footprintsMs: number; selectionMs: number };
  elapsedMs: number;
}

export interface SuggestProgress {
  phase: 'demand' | 'footprints' | 'selecting';
  /** 0..1 over the whole run. */
  fraction: number;
}

export interface SuggestOptions {
  signal?: AbortSignal;
  onProgress?: (progress: SuggestProgress) => void;
  /** Needed for method 'exact' (see loadHighsSolver). */
  loadSolver?: () => Promise<ExactSolver>;
}
