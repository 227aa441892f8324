/**
 * Coverage as the panels see it: the engine's latest statistics and gaps for the open scenario, the
 * baseline's for comparison, progress of a running compute, and the settings. The engine itself runs
 * in a worker; app/features/coverage.ts feeds results in through the setters.
 */
import type { FeatureCollection, MultiPolygon } from 'geojson';
import type { GapProperties } from '../domain/coverage/gaps';

export {
  type GapPriorityLevel,
  gapPriorityBreaks,
  gapPriorityLevel,
} from '../domain/coverage/gap-priority';

import type { CoverageStats } from '../domain/coverage/report';
import { type CoverageSettings, defaultCoverageSettings, mergeSettings } from '../domain/coverage/settings';
import type { Slice } from './slices';

/**
 * idle: nothing computed yet; computing: a full recompute with progress; updating: an incremental
 * edit is being applied (quick, no progress bar); ready: figures match the open scenario and
 * settings; cancelled: the user stopped a recompute, the figures shown are for the previous settings.
 */
export type CoverageStatus = 'idle' | 'computing' | 'updating' | 'ready' | 'cancelled' | 'error';

/**
 * How the coverage raster is coloured: by RSRP class, SINR grade or a user's rate (path-loss mode only;
 * the last two are estimates under the load setting) or covered/uncovered.
 */
export type CoverageRasterStyle = 'class' | 'covered' | 'sinr' | 'rate';

/** The styles that need the interference model (settings.sinr). */
export const RADIO_RASTER_STYLES: readonly CoverageRasterStyle[] = ['sinr', 'rate'];

export interface CoverageLayerVisibility {
  raster: boolean;
  gaps: boolean;
  footprint: boolean;
}

/** Actions that need the worker or the map; installed by app/features/coverage.ts. */
export interface CoverageServices {
  /** Stops the running full recompute. */
  cancel(): void;
  /** Recomputes the open scenario from scratch with the current settings. */
  recompute(): void;
  /** Moves the map to a gap. */
  flyToGap(gap: GapProperties): void;
}

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
  /** Quality gaps (covered by RSRP, SINR below the threshold), highest priority first; null while SINR is off. */
  coverageQualityGaps: FeatureCollection<MultiPolygon, GapProperties> | null;
  coverageSettings: CoverageSettings;
  coverageError: string | null;
  /** Wall time of the last full compute in the worker, ms. */
  coverageElapsedMs: number | null;
  /** Raster colouring chosen by the user; radius mode always shows covered/uncovered. */
  coverageRasterStyle: CoverageRasterStyle;
  coverageLayers: CoverageLayerVisibility;
  /** District (adcode) whose statistics the coverage panel shows, or null for none. */
  coverageDistrict: string | null;
  coverageServices: CoverageServices | null;
  /** The selected site's served area and buffer radius (the map draws its buffer). */
  coverageFootprint: { siteId: string; servedKm2: number; radiusM: number } | null;
  setCoverageSettings: (patch: Partial<CoverageSettings>) => void;
  setCoverageProgress: (status: CoverageStatus, progress: number) => void;
  setCoverageResult: (result: {
    stats: CoverageStats;
    gaps: FeatureCollection<MultiPolygon, GapProperties>;
    qualityGaps?: FeatureCollection<MultiPolygon, GapProperties>;
    baselineStats?: CoverageStats;
    elapsedMs?: number;
    /** Status after this result; 'ready' unless more work is queued. */
    status?: CoverageStatus;
  }) => void;
  setCoverageError: (message: string) => void;
  /** Choosing the SINR or rate image turns the interference model on (one recompute). */
  setCoverageRasterStyle: (style: CoverageRasterStyle) => void;
  setCoverageLayerVisible: (layer: keyof CoverageLayerVisibility, visible: boolean) => void;
  setCoverageDistrict: (adcode: string | null) => void;
  setCoverageServices: (services: CoverageServices) => void;
}

/**
 * The raster style actually drawn: RSRP classes, SINR and rate only exist in path-loss mode, and SINR
 * and rate only with the interference model on.
 */
export function effectiveRasterStyle(
  settings: CoverageSettings,
  chosen: CoverageRasterStyle,
): CoverageRasterStyle {
  if (settings.mode !== 'pathloss') return 'covered';
  if (RADIO_RASTER_STYLES.includes(chosen) && !settings.sinr) return 'class';
  return chosen;
}

export const createCoverageSlice: Slice<CoverageSlice> = (set) => ({
  coverageStatus: 'idle',
  coverageProgress: 0,
  coverageStats: null,
  baselineCoverageStats: null,
  coverageGaps: null,
  coverageQualityGaps: null,
  coverageSettings: defaultCoverageSettings(),
  coverageError: null,
  coverageElapsedMs: null,
  coverageRasterStyle: 'class',
  coverageLayers: { raster: true, gaps: true, footprint: true },
  coverageDistrict: null,
  coverageServices: null,
  coverageFootprint: null,
  setCoverageSettings: (patch) =>
    set((state) => ({ coverageSettings: mergeSettings(state.coverageSettings, patch) })),
  setCoverageProgress: (coverageStatus, coverageProgress) => set({ coverageStatus, coverageProgress }),
  setCoverageResult: ({ stats, gaps, qualityGaps, baselineStats, elapsedMs, status }) =>
    set((state) => ({
      coverageStatus: status ?? 'ready',
      coverageProgress: 1,
      coverageStats: stats,
      coverageGaps: gaps,
      coverageQualityGaps: stats.sinr ? (qualityGaps ?? state.coverageQualityGaps) : null,
      coverageError: null,
      baselineCoverageStats: baselineStats ?? state.baselineCoverageStats,
      coverageElapsedMs: elapsedMs ?? state.coverageElapsedMs,
    })),
  setCoverageError: (coverageError) => set({ coverageStatus: 'error', coverageError }),
  setCoverageRasterStyle: (coverageRasterStyle) =>
    set((state) =>
      RADIO_RASTER_STYLES.includes(coverageRasterStyle) && !state.coverageSettings.sinr
        ? {
            coverageRasterStyle,
            coverageSettings: mergeSettings(state.coverageSettings, { sinr: true }),
          }
        : { coverageRasterStyle },
    ),
  setCoverageLayerVisible: (layer, visible) =>
    set((state) => ({ coverageLayers: { ...state.coverageLayers, [layer]: visible } })),
  setCoverageDistrict: (coverageDistrict) => set({ coverageDistrict }),
  setCoverageServices: (coverageServices) => set({ coverageServices }),
});
