/**
 * Coverage as the panels see it: the engine's latest statistics and gaps for the open scenario, the
 * baseline's for comparison, progress of a running compute, and the settings. The engine itself runs
 * in a worker; app/features/coverage.ts feeds results in through the setters.
 */
import type { FeatureCollection, MultiPolygon } from 'geojson';
import type { GapProperties } from '../domain/coverage/gaps';
import type { CoverageStats } from '../domain/coverage/report';
import { type CoverageSettings, defaultCoverageSettings, mergeSettings } from '../domain/coverage/settings';
import type { Slice } from './slices';

export type CoverageStatus = 'idle' | 'computing' | 'ready' | 'error';

export interface CoverageSlice {
  coverageStatus: CoverageStatus;
  /** 0–1 while computing. */
  coverageProgress: number;
  /** Statistics of the open scenario (baseline + changes). */
  coverageStats: CoverageStats | null;
  /** Statistics of the baseline alone, for "change against the baseline". */
  baselineCoverageStats: CoverageStats | null;
  /** Weak-spot gaps of the open scenario, highest priority first. */
  coverageGaps: FeatureCollection<MultiPolygon, GapProperties> | null;
  coverageSettings: CoverageSettings;
  coverageError: string | null;
  setCoverageSettings: (patch: Partial<CoverageSettings>) => void;
  setCoverageProgress: (status: CoverageStatus, progress: number) => void;
  setCoverageResult: (result: {
    stats: CoverageStats;
    gaps: FeatureCollection<MultiPolygon, GapProperties>;
    baselineStats?: CoverageStats;
  }) => void;
  setCoverageError: (message: string) => void;
}

export const createCoverageSlice: Slice<CoverageSlice> = (set) => ({
  coverageStatus: 'idle',
  coverageProgress: 0,
  coverageStats: null,
  baselineCoverageStats: null,
  coverageGaps: null,
  coverageSettings: defaultCoverageSettings(),
  coverageError: null,
  setCoverageSettings: (patch) =>
    set((state) => ({ coverageSettings: mergeSettings(state.coverageSettings, patch) })),
  setCoverageProgress: (coverageStatus, coverageProgress) => set({ coverageStatus, coverageProgress }),
  setCoverageResult: ({ stats, gaps, baselineStats }) =>
    set((state) => ({
      coverageStatus: 'ready',
      coverageProgress: 1,
      coverageStats: stats,
      coverageGaps: gaps,
      coverageError: null,
      baselineCoverageStats: baselineStats ?? state.baselineCoverageStats,
    })),
  setCoverageError: (coverageError) => set({ coverageStatus: 'error', coverageError }),
});
