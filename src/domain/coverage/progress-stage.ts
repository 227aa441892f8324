/**
 * The stage a user is shown while the first figure is on its way or a full compute runs: what is
 * loading, then the compute's own stages. A full compute reports one number, 0–1
 * (CoverageEngine.computeSteps): it places every site and builds its kernel before its first report
 * (0.05), max-merges the kernels into the grid up to 0.8, runs the zone and radio passes up to 0.9, and
 * labels the gaps from 0.9 to 1. The stage is read from those bands.
 */

export type ProgressStage = 'loading-map' | 'loading-sites' | 'preparing' | 'kernels' | 'merging' | 'gaps';

/** Where a full compute's progress fraction is (bands of CoverageEngine.computeSteps). */
export function computeStageOf(fraction: number): 'kernels' | 'merging' | 'gaps' {
  if (fraction < 0.05) return 'kernels';
  if (fraction < 0.9) return 'merging';
  return 'gaps';
}

export interface StartUpProgressInput {
  /** The coverage status (coverage-slice). */
  coverageStatus: 'idle' | 'computing' | 'updating' | 'ready' | 'cancelled' | 'error';
  coverageProgress: number;
  /** A figure has been delivered at least once. */
  hasFigure: boolean;
  /** The basemap or plan layers are still loading. */
  mapLoading: boolean;
  /** The sample sites are being generated or read. */
  sitesLoading: boolean;
}

/** The stage to show, or null when nothing is being waited for. */
export function progressStage(input: StartUpProgressInput): ProgressStage | null {
  if (input.coverageStatus === 'computing') return computeStageOf(input.coverageProgress);
  if (input.hasFigure || input.coverageStatus === 'error' || input.coverageStatus === 'cancelled')
    return null;
  if (input.sitesLoading) return 'loading-sites';
  if (input.mapLoading) return 'loading-map';
  return 'preparing';
}
