import { describe, expect, it } from 'vitest';
import { applyChange } from '../../../../src/domain/history/apply-change';
import { dragChange, newCandidateSite } from '../../../../src/domain/planner/gesture-changes';
import { indexBaseline } from '../../../../src/domain/scenario/baseline-sites';
import { createScenario } from '../../../../src/domain/scenario/scenario';
import type { SiteFeature } from '../../../../src/domain/types';

const baseline = indexBaseline('test', { type: 'FeatureCollection', features: [] });
const pole = { id: 'P-9', longitude: 121.5, latitude: 31.2, heightM: 11 };

function scenarioWith(sites: SiteFeature[]) {
  const empty = createScenario({
    id: 's',
    name: 's',
    baselineRef: baseline.ref,
    nowIso: '2025-01-01T00:00:00.000Z',
  });
  return { ...empty, addedSites: sites };
}

describe('planner site edits', () => {
  it('a new site near a pole sits on the pole as a micro cell at the pole height', () => {
    const site = newCandidateSite({
      id: 'C-1',
      number: 4,
      longitude: 121.50011,
      latitude: 31.20008,
      pole,
      namePrefix: '候选站',
    });
    expect(site.geometry.coordinates).toEqual([121.5, 31.2]);
    expect(site.properties).toMatchObject({
      name: '候选站 4',
      poleId: 'P-9',
      kind: 'micro',
      heightM: 11,
      powerDbm: 40,
      status: 'candidate',
    });
    const free = newCandidateSite({
      id: 'C-2',
      number: 5,
      longitude: 121.123456789,
      latitude: 31.2,
      pole: null,
      namePrefix: 'x',
    });
    expect(free.geometry.coordinates).toEqual([121.1234568, 31.2]);
    expect(free.properties).toMatchObject({ kind: 'macro', heightM: 25, powerDbm: 53 });
    expect(free.properties.poleId).toBeUndefined();
  });

  it('dragging onto a pole mounts the grabbed site; the others keep their offsets; undo restores all', () => {
    const a = newCandidateSite({
      id: 'A',
      number: 1,
      longitude: 121.49,
      latitude: 31.19,
      pole: null,
      namePrefix: 'c',
    });
    const b = newCandidateSite({
      id: 'B',
      number: 2,
      longitude: 121.491,
      latitude: 31.19,
      pole: null,
      namePrefix: 'c',
    });
    const scenario = scenarioWith([a, b]);
    const origins = [a, b].map((site) => ({
      id: site.properties.id,
      coordinates: [site.geometry.coordinates[0]!, site.geometry.coordinates[1]!] as const,
      poleId: undefined,
      band: site.properties.band,
    }));
    const change = dragChange(scenario, baseline, origins, 'A', [121.5001, 31.2001], pole);
    const applied = applyChange(scenario, change);
    const [movedA, movedB] = applied.scenario.addedSites;
    expect(movedA!.geometry.coordinates).toEqual([121.5, 31.2]);
    expect(movedA!.properties).toMatchObject({ poleId: 'P-9', kind: 'micro', heightM: 11 });
    expect(movedB!.geometry.coordinates[0]).toBeCloseTo(121.501, 9);
    expect(movedB!.geometry.coordinates[1]).toBeCloseTo(31.2, 9);
    expect(movedB!.properties.poleId).toBeUndefined();
    expect(applyChange(applied.scenario, applied.inverse).scenario).toEqual(scenario);
  });

  it('dragging a pole-mounted site away frees it from the pole', () => {
    const mounted = newCandidateSite({
      id: 'M',
      number: 1,
      longitude: 0,
      latitude: 0,
      pole,
      namePrefix: 'c',
    });
    const scenario = scenarioWith([mounted]);
    const origins = [{ id: 'M', coordinates: [121.5, 31.2] as const, poleId: 'P-9', band: 'n78' as const }];
    const applied = applyChange(
      scenario,
      dragChange(scenario, baseline, origins, 'M', [121.51, 31.21], null),
    );
    expect(applied.scenario.addedSites[0]!.geometry.coordinates).toEqual([121.51, 31.21]);
    expect(applied.scenario.addedSites[0]!.properties.poleId).toBeUndefined();
  });
});
