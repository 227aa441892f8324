/**
 * The planner workflow's state: active tool, selected sites, snapping, the list of saved scenarios,
 * quarantined records and coverage figures cached per scenario. Edits of the scenario itself go through
 * the scenario slice's one door, editScenario.
 */

import type { CoverageStats } from '../domain/coverage/report';
import type { Scenario } from '../domain/scenario/scenario-types';
import type { DistrictOfPoint } from '../domain/scenario/sites-by-district';
import type { Slice } from './slices';

export type PlannerTool = 'select' | 'add';
export type ExportFormat = 'geojson' | 'csv' | 'kml' | 'scenario';
export type PlannerStorageStatus = 'loading' | 'ready' | 'unavailable';

/** Coverage figures of a scenario as they were when it was last open (for the comparison). */
export interface CachedScenarioCoverage {
  cityCoveredKm2: number;
  cityCoveredFraction: number;
  gapCount: number;
  gapAreaKm2: number;
  districts: { adcode: string; name: string; coveredKm2: number; coveredFraction: number }[];
  /** ISO 8601. */
  computedAt: string;
  /** updatedAt of the scenario the figures belong to; stale when the scenario changed since. */
  scenarioUpdatedAt: string;
}

export interface QuarantineNotice {
  sourceKey: string;
  code: string;
  message: string;
}

/** Actions that need the repository or the browser; installed by app/features/planner.ts. */
export type PoleAt = (longitude: number, latitude: number) => { id: string; heightM: number } | null;

export interface PlannerServices {
  createScenario(name: string): Promise<void>;
  duplicateScenario(id: string, name: string): Promise<void>;
  deleteScenario(id: string): Promise<void>;
  switchScenario(id: string): Promise<void>;
  /** Renames the open scenario as an undoable step, or another scenario directly in storage. */
  renameScenario(id: string, name: string): Promise<void>;
  exportScenario(format: ExportFormat, scope: 'candidates' | 'scenario'): void;
  /** Imports a scenario file as a new scenario and opens it; resolves to an error code or null. */
  importScenarioFile(text: string): Promise<string | null>;
  exportQuarantine(): Promise<void>;
}

export interface PlannerSlice {
  plannerTool: PlannerTool;
  setPlannerTool: (tool: PlannerTool) => void;
  selectedSiteIds: readonly string[];
  setSelectedSiteIds: (ids: readonly string[]) => void;
  snapToPoles: boolean;
  setSnapToPoles: (on: boolean) => void;
  snapDistanceM: number;
  setSnapDistanceM: (distanceM: number) => void;
  /** Every stored scenario (the open one included, possibly older than the session's copy). */
  savedScenarios: readonly Scenario[];
  setSavedScenarios: (scenarios: readonly Scenario[]) => void;
  plannerStorageStatus: PlannerStorageStatus;
  setPlannerStorageStatus: (status: PlannerStorageStatus) => void;
  quarantineNotices: readonly QuarantineNotice[];
  setQuarantineNotices: (notices: readonly QuarantineNotice[]) => void;
  scenarioCoverageCache: Readonly<Record<string, CachedScenarioCoverage>>;
  cacheScenarioCoverage: (scenario: Scenario, stats: CoverageStats) => void;
  plannerServices: PlannerServices | null;
  setPlannerServices: (services: PlannerServices) => void;
  /** The district (adcode) of a point, once the district outlines are loaded. */
  districtOfPoint: DistrictOfPoint | null;
  /** The comprehensive pole standing at a point (a pole-mounted site sits exactly on it), or null. */
  poleAt: PoleAt | null;
  setPoleAt: (lookup: PoleAt) => void;
  setDistrictOfPoint: (lookup: DistrictOfPoint) => void;
}

const now = (): string => new Date().toISOString();

export const createPlannerSlice: Slice<PlannerSlice> = (set) => ({
  plannerTool: 'select',
  setPlannerTool: (plannerTool) => set({ plannerTool }),
  selectedSiteIds: [],
  setSelectedSiteIds: (selectedSiteIds) => set({ selectedSiteIds }),
  snapToPoles: true,
  setSnapToPoles: (snapToPoles) => set({ snapToPoles }),
  snapDistanceM: 30,
  setSnapDistanceM: (snapDistanceM) => set({ snapDistanceM: Math.min(200, Math.max(1, snapDistanceM)) }),
  savedScenarios: [],
  setSavedScenarios: (savedScenarios) => set({ savedScenarios }),
  plannerStorageStatus: 'loading',
  setPlannerStorageStatus: (plannerStorageStatus) => set({ plannerStorageStatus }),
  quarantineNotices: [],
  setQuarantineNotices: (quarantineNotices) => set({ quarantineNotices }),
  scenarioCoverageCache: {},
  cacheScenarioCoverage: (scenario, stats) =>
    set((state) => ({
      scenarioCoverageCache: {
        ...state.scenarioCoverageCache,
        [scenario.id]: {
          cityCoveredKm2: stats.coveredKm2,
          cityCoveredFraction: stats.coveredFraction,
          gapCount: stats.gaps.count,
          gapAreaKm2: stats.gaps.areaKm2,
          districts: stats.districts.map((district) => ({
            adcode: district.adcode,
            name: district.name,
            coveredKm2: district.coveredKm2,
            coveredFraction: district.coveredFraction,
          })),
          computedAt: now(),
          scenarioUpdatedAt: scenario.updatedAt,
        },
      },
    })),
  plannerServices: null,
  setPlannerServices: (plannerServices) => set({ plannerServices }),
  districtOfPoint: null,
  poleAt: null,
  setPoleAt: (poleAt) => set({ poleAt }),
  setDistrictOfPoint: (districtOfPoint) => set({ districtOfPoint }),
});
