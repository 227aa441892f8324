import { describe, expect, it } from 'vitest';
import { defaultCoverageSettings } from '../../../../src/domain/coverage/settings';
import {
  readScenarioSettings,
  type ScenarioSettings,
} from '../../../../src/domain/scenario/scenario-settings';

const defaults: ScenarioSettings = {
  coverage: defaultCoverageSettings(),
  rasterStyle: 'class',
  candidateAreas: [],
};
const square: [number, number][] = [
  [121.41, 31.22],
  [121.42, 31.22],
  [121.42, 31.23],
];

describe('readScenarioSettings', () => {
  it('gives back what was stored', () => {
    const stored = {
      coverage: { ...defaults.coverage, mode: 'pathloss', thresholdDbm: -110 },
      rasterStyle: 'covered',
      candidateAreas: [{ id: 'A1', corners: square }],
    };
    const read = readScenarioSettings(structuredClone(stored), defaults);
    expect(read.coverage.mode).toBe('pathloss');
    expect(read.coverage.thresholdDbm).toBe(-110);
    expect(read.rasterStyle).toBe('covered');
    expect(read.candidateAreas).toEqual([{ id: 'A1', corners: square }]);
  });

  it('drops each broken part alone and keeps the rest', () => {
    const read = readScenarioSettings(
      {
        coverage: { thresholdDbm: 20 },
        rasterStyle: 'neon',
        candidateAreas: [
          { id: 'A1', corners: square },
          {
            id: 'A2',
            corners: [
              [121, 31],
              [999, 31],
              [121, 32],
            ],
          },
          { id: '<script>', corners: square },
          'junk',
        ],
      },
      defaults,
    );
    expect(read.coverage).toEqual(defaults.coverage);
    expect(read.rasterStyle).toBe('class');
    expect(read.candidateAreas.map((area) => area.id)).toEqual(['A1']);
  });

  it('ignores coverage fields this build does not know, and anything that is not settings', () => {
    const read = readScenarioSettings({ coverage: { mode: 'pathloss', sinrTargetDb: 3 } }, defaults);
    expect(read.coverage).toEqual({ ...defaults.coverage, mode: 'pathloss' });
    expect(readScenarioSettings('nonsense', defaults)).toBe(defaults);
  });
});
