import { describe, expect, it } from 'vitest';
import { slideContent } from '../../../src/app/png-slide-content';
import type { CoverageStats } from '../../../src/domain/coverage/report';
import { createAppStore } from '../../../src/state/store';

const stats = {
  mode: 'radius',
  coveredFraction: 0.888,
  districts: [],
  zones: [],
  sinr: undefined,
} as unknown as CoverageStats;
const now = new Date(2026, 11, 5, 10, 0);

function state(patch: Record<string, unknown>) {
  const store = createAppStore({ language: 'zh' });
  store.setState({ coverageStats: stats, ...patch });
  return store.getState();
}

describe('slide content', () => {
  it('heads the map view with the scenario, the coverage in its mode against the target, and the date', () => {
    const content = slideContent(state({}), now);
    expect(content.title).toMatch(/基线（示意数据）/);
    expect(content.figures).toEqual(['全市 5G 覆盖率 88.8%（覆盖半径模式）· 规划目标 90.0%']);
    expect(content.subtitle).toBe('上海新一代信息基础设施布局规划 · 2026年12月5日');
    expect(content.attribution).toMatch(/^数据来源：© OpenStreetMap contributors · /);
  });

  it('legends the coverage raster and gaps shown, then the visible layers; labels the sample', () => {
    const content = slideContent(
      state({
        coverageLayers: { raster: true, gaps: true, footprint: false },
        visibleLayers: { districts: true },
      }),
      now,
    );
    expect(content.legend.map((section) => section.title)).toEqual(['覆盖栅格', '覆盖空洞', '图层']);
    expect(content.legend[0]!.entries.map((entry) => entry.label)).toEqual(['已覆盖', '未覆盖']);
    expect(content.legend[2]!.entries.map((entry) => entry.label)).toEqual(['区界']);
    expect(content.sample?.label).toBe('示意数据');
  });

  it('drops the sample label when neither coverage nor a sample layer is drawn', () => {
    const content = slideContent(
      state({
        coverageLayers: { raster: false, gaps: false, footprint: false },
        visibleLayers: { districts: true },
      }),
      now,
    );
    expect(content.sample).toBeNull();
  });

  it('titles a story slide with its chapter and names the scenario under it, in English', () => {
    const content = slideContent(state({ language: 'en', story: { chapter: 2, step: 0 } }), now);
    expect(content.title).toBe('Two wings');
    expect(content.figures[0]).toBe('Shanghai 5G coverage 88.8% (radius mode) · plan target 90.0%');
    expect(content.figures[1]).toMatch(/^Scenario: /);
    expect(content.subtitle).toMatch(/· 5 December 2026$/);
  });
});
