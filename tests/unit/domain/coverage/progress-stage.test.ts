import { describe, expect, it } from 'vitest';
import { CoverageEngine } from '../../../../src/domain/coverage/coverage-engine';
import { computeStageOf, progressStage } from '../../../../src/domain/coverage/progress-stage';
import { city, site } from '../../support/coverage/synthetic-city';

const idle = {
  coverageStatus: 'idle' as const,
  coverageProgress: 0,
  hasFigure: false,
  mapLoading: false,
  sitesLoading: false,
};

describe('progress stage', () => {
  it('names the compute stage from the progress bands', () => {
    expect(computeStageOf(0)).toBe('kernels');
    expect(computeStageOf(0.049)).toBe('kernels');
    expect(computeStageOf(0.05)).toBe('merging');
    expect(computeStageOf(0.85)).toBe('merging');
    expect(computeStageOf(0.9)).toBe('gaps');
    expect(computeStageOf(1)).toBe('gaps');
  });

  it('reads the bands the engine really reports: kernels built before 0.05, gaps from 0.9', () => {
    for (const mode of ['radius', 'pathloss'] as const) {
      const engine = new CoverageEngine(city, { cellM: 50, mode });
      const reports = [...engine.computeSteps([site('a', 121.42, 31.22), site('b', 121.48, 31.24)], 64)];
      expect(reports[0]).toBe(0.05);
      const merging = reports.filter((fraction) => computeStageOf(fraction) === 'merging');
      expect(merging.length).toBeGreaterThan(0);
      // The last report before the gap labelling is 0.9; the labelling ends at 1.
      expect(reports.slice(-2)).toEqual([0.9, 1]);
    }
  });

  it('before the first figure says what is loading, sites before the map', () => {
    expect(progressStage({ ...idle, mapLoading: true, sitesLoading: true })).toBe('loading-sites');
    expect(progressStage({ ...idle, mapLoading: true })).toBe('loading-map');
    expect(progressStage(idle)).toBe('preparing');
  });

  it('shows a running compute, and nothing once a figure is in and nothing runs', () => {
    expect(
      progressStage({ ...idle, hasFigure: true, coverageStatus: 'computing', coverageProgress: 0.5 }),
    ).toBe('merging');
    expect(progressStage({ ...idle, hasFigure: true, coverageStatus: 'ready' })).toBeNull();
    expect(progressStage({ ...idle, hasFigure: true, coverageStatus: 'updating' })).toBeNull();
    expect(progressStage({ ...idle, coverageStatus: 'cancelled' })).toBeNull();
  });
});
