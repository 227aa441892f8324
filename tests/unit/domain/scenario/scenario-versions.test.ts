import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChange } from '../../../../src/domain/history/apply-change';
import type { Scenario } from '../../../../src/domain/scenario/scenario-types';
import {
  changeBetween,
  mergeScenarioVersions,
  sameValue,
} from '../../../../src/domain/scenario/scenario-versions';
import {
  changeArbitrary,
  emptyScenario,
  measurementSet,
  NOW,
  site,
} from '../../support/scenario/scenario-fixtures';

/** A scenario as a value whose added sites' order does not matter (merges append). */
const canonical = (scenario: Scenario) => ({
  ...scenario,
  updatedAt: '',
  addedSites: [...scenario.addedSites].sort((left, right) =>
    left.properties.id < right.properties.id ? -1 : 1,
  ),
});

const scenarioArbitrary = fc
  .array(changeArbitrary, { maxLength: 4 })
  .map((changes) =>
    changes.reduce((scenario, change) => applyChange(scenario, change).scenario, emptyScenario()),
  );

describe('changeBetween', () => {
  it('applied to the first version gives the second, for any two versions', () => {
    fc.assert(
      fc.property(scenarioArbitrary, scenarioArbitrary, (from, to) => {
        const rebuilt = applyChange(from, changeBetween(from, to)).scenario;
        expect(canonical(rebuilt)).toEqual(canonical({ ...to, id: from.id }));
      }),
      { numRuns: 200 },
    );
  });

  it('compares sites by value: a copy read back from storage is no change', () => {
    const scenario = applyChange(emptyScenario(), {
      type: 'putSites',
      sites: [site('C1', 121.4, 31.2, { heightM: 25 })],
    }).scenario;
    expect(changeBetween(scenario, structuredClone(scenario))).toEqual({ type: 'batch', changes: [] });
  });
});

describe('mergeScenarioVersions', () => {
  const base = applyChange(emptyScenario(), { type: 'putSites', sites: [site('C1', 121.4, 31.2)] }).scenario;

  it('keeps both tabs’ new sites, and this tab’s edits', () => {
    const mine = applyChange(base, { type: 'putSites', sites: [site('MINE', 121.41, 31.2)] }).scenario;
    const theirs = structuredClone(
      applyChange(base, { type: 'putSites', sites: [site('THEIRS', 121.42, 31.2)] }).scenario,
    );
    const { merged, conflicts } = mergeScenarioVersions(base, mine, theirs);
    expect(merged.addedSites.map((item) => item.properties.id)).toEqual(['C1', 'MINE', 'THEIRS']);
    expect(conflicts).toEqual([]);
  });

  it('when both moved one site, the other (later) version wins and the site is reported', () => {
    const mine = applyChange(base, {
      type: 'moveSites',
      moves: [{ id: 'C1', coordinates: [121.5, 31.3] }],
    }).scenario;
    const theirs = applyChange(base, {
      type: 'moveSites',
      moves: [{ id: 'C1', coordinates: [121.6, 31.1] }],
    }).scenario;
    const { merged, conflicts } = mergeScenarioVersions(base, mine, theirs);
    expect(merged.addedSites[0]!.geometry.coordinates).toEqual([121.6, 31.1]);
    expect(conflicts).toEqual(['C1']);
  });

  it('an edit both made the same way is no conflict', () => {
    const renamed = applyChange(base, { type: 'rename', name: '新名' }).scenario;
    expect(mergeScenarioVersions(base, renamed, structuredClone(renamed)).conflicts).toEqual([]);
  });

  it('with no edits of its own this tab ends up equal to the other version; with none of theirs, unchanged', () => {
    fc.assert(
      fc.property(scenarioArbitrary, changeArbitrary, (start, change) => {
        const theirs = applyChange(start, change).scenario;
        expect(
          sameValue(canonical(mergeScenarioVersions(start, start, theirs).merged), canonical(theirs)),
        ).toBe(true);
        expect(mergeScenarioVersions(start, theirs, structuredClone(start)).merged.addedSites).toBe(
          theirs.addedSites,
        );
      }),
      { numRuns: 150 },
    );
  });
});

describe('merging measurement sets and calibration', () => {
  it("keeps this tab's sites and the other tab's imported set, dropped set and calibration", () => {
    const base = applyChange(emptyScenario(), {
      type: 'putMeasurements',
      sets: [measurementSet('m-old')],
    }).scenario;
    const mine = applyChange(base, { type: 'putSites', sites: [site('MINE', 121.5, 31.2)] }).scenario;
    const theirs = applyChange(applyChange(base, { type: 'deleteMeasurements', ids: ['m-old'] }).scenario, {
      type: 'putMeasurements',
      sets: [measurementSet('m-new')],
    }).scenario;
    const { merged, conflicts } = mergeScenarioVersions(base, mine, theirs);
    expect(merged.addedSites.map((item) => item.properties.id)).toEqual(['MINE']);
    expect(merged.measurements.map((set) => set.id)).toEqual(['m-new']);
    expect(merged.calibration).toBeNull();
    expect(conflicts).toEqual([]);
  });

  it('reports a calibration both tabs changed, and takes the later one', () => {
    const base = emptyScenario();
    const fitted = (fittedAt: string) => ({
      fittedAt,
      measurementSetIds: [],
      samples: 0,
      before: { count: 0, meanErrorDb: 0, stdDb: 0, rmseDb: 0 },
      after: { count: 0, meanErrorDb: 0, stdDb: 0, rmseDb: 0 },
      corrections: [],
      uncorrected: [],
    });
    const mine = applyChange(base, { type: 'setCalibration', calibration: fitted(NOW) }).scenario;
    const later = '2025-03-02T08:00:00.000Z';
    const theirs = applyChange(base, { type: 'setCalibration', calibration: fitted(later) }).scenario;
    const { merged, conflicts } = mergeScenarioVersions(base, mine, theirs);
    expect(merged.calibration?.fittedAt).toBe(later);
    expect(conflicts).toEqual(['calibration']);
  });
});
