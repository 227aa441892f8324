/**
 * The app's radio settings: the load typed as a percentage, the noise figure and the quality threshold
 * validated like the other fields; choosing the SINR or rate image switches interference on; the drawn
 * style falls back while SINR is off; the report rows show the rate beside the plan's targets.
 */
import { describe, expect, it } from 'vitest';
import { defaultCoverageSettings, mergeSettings } from '../../../../src/domain/coverage/settings';
import type { AreaReport } from '../../../../src/domain/report/area-report';
import { effectiveRasterStyle } from '../../../../src/state/coverage-slice';
import { createAppStore } from '../../../../src/state/store';
import { draftFromSettings, validateDraft } from '../../../../src/ui/coverage/settings-draft';
import { coverageRows } from '../../../../src/ui/report/figure-rows';

describe('radio settings in the coverage form', () => {
  const current = mergeSettings(defaultCoverageSettings(), { mode: 'pathloss' });

  it('turns a typed load percentage into the load fraction, and only what changed', () => {
    const draft = { ...draftFromSettings(current), loadPercent: '75', sinr: true };
    expect(draftFromSettings(current).loadPercent).toBe('50');
    expect(validateDraft(draft, current)).toEqual({ patch: { loadFraction: 0.75, sinr: true }, errors: {} });
    // 29 % shows as 29, not 28.999999999999996.
    expect(draftFromSettings(mergeSettings(current, { loadFraction: 0.29 })).loadPercent).toBe('29');
  });

  it.each([
    ['loadPercent', '120', 'coverage.invalid.load'],
    ['loadPercent', '', 'coverage.invalid.number'],
    ['noiseFigureDb', '-1', 'coverage.invalid.noiseFigure'],
    ['sinrThresholdDb', '60', 'coverage.invalid.sinrThreshold'],
  ])('refuses %s = "%s" with its message and no patch', (field, text, message) => {
    const { patch, errors } = validateDraft({ ...draftFromSettings(current), [field]: text }, current);
    expect(errors[field]).toBe(message);
    expect(patch).toEqual({});
  });
});

describe('SINR and rate images', () => {
  it('choosing the SINR image switches the interference model on; the covered image does not', () => {
    const store = createAppStore();
    store.getState().setCoverageSettings({ mode: 'pathloss' });
    store.getState().setCoverageRasterStyle('covered');
    expect(store.getState().coverageSettings.sinr).toBe(false);
    store.getState().setCoverageRasterStyle('rate');
    expect(store.getState().coverageSettings.sinr).toBe(true);
    expect(store.getState().coverageRasterStyle).toBe('rate');
  });

  it('draws RSRP classes while SINR is off, and covered/uncovered in radius mode', () => {
    const pathloss = mergeSettings(defaultCoverageSettings(), { mode: 'pathloss' });
    expect(effectiveRasterStyle(pathloss, 'sinr')).toBe('class');
    expect(effectiveRasterStyle({ ...pathloss, sinr: true }, 'sinr')).toBe('sinr');
    expect(effectiveRasterStyle({ ...pathloss, sinr: true, mode: 'radius' }, 'rate')).toBe('covered');
  });
});

describe('district report rows', () => {
  const report = (kind: AreaReport['area']['kind'], radio: boolean) =>
    ({
      area: { kind },
      coverage: {
        landKm2: 100,
        coveredKm2: 80,
        coveredFraction: 0.8,
        ...(radio ? { sinrGoodKm2: 60, sinrGoodFraction: 0.6, meanRateMbps: 412.4 } : {}),
      },
    }) as unknown as AreaReport;

  it('adds the SINR-good share, the mean rate and the plan target with SINR on', () => {
    const rows = coverageRows('zh', report('district', true));
    const byId = Object.fromEntries(rows.map((row) => [row.id, row]));
    expect(byId.sinrGoodFraction!.value).toBe('60.0%');
    expect(byId.meanRateMbps!.label).toContain('估算');
    expect(byId.meanRateMbps!.value).toBe('412 Mbps');
    expect(byId.rateTarget!.value).toBe('2020 年 335.19 → 2025 年 500 Mbps');
    expect(
      Object.fromEntries(coverageRows('en', report('key_area', true)).map((row) => [row.id, row.value]))
        .rateTarget,
    ).toBe('1,000 Mbps in key areas by 2023');
  });

  it('has no radio rows while SINR is off', () => {
    expect(coverageRows('zh', report('district', false)).map((row) => row.id)).not.toContain('meanRateMbps');
  });
});
