/** Snapping follows the poles imported into the open scenario: after an import, and not after its undo. */
import { describe, expect, it } from 'vitest';
import { newCandidateSite } from '../../../../src/domain/planner/gesture-changes';
import { PoleSnapIndex, scenarioPoleSnap } from '../../../../src/domain/planner/pole-snap-index';
import { createScenario } from '../../../../src/domain/scenario/scenario';
import type { PoleFeature } from '../../../../src/domain/types';
import { createAppStore } from '../../../../src/state/store';

const pole = (id: string, longitude: number, latitude: number, heightM = 10): PoleFeature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [longitude, latitude] },
  properties: { id, heightM },
});

function plannerWithScenario() {
  const store = createAppStore();
  store.getState().openScenario(
    createScenario({
      id: 's',
      name: '方案',
      baselineRef: { id: 'sample' },
      nowIso: '2025-01-01T00:00:00Z',
    }),
  );
  const sample = PoleSnapIndex.fromFeatures([pole('SAMPLE-1', 121.5, 31.3)]);
  const snap = scenarioPoleSnap(
    () => sample,
    () => store.getState().session?.scenario.poles ?? [],
  );
  return { store, snap };
}

describe('snapping to imported poles', () => {
  it('snaps a new site to a pole of the last import, and stops after the import is undone', () => {
    const { store, snap } = plannerWithScenario();
    // ≈ 11 m north of the click; no sample pole anywhere near.
    expect(snap.nearest(121.47, 31.23, 30)).toBeNull();
    store.getState().editScenario({
      kind: 'change',
      change: { type: 'putPoles', poles: [pole('IMP-7', 121.47, 31.2301, 11)] },
    });
    const match = snap.nearest(121.47, 31.23, 30);
    expect(match?.pole.id).toBe('IMP-7');
    const site = newCandidateSite({
      id: 'C-1',
      number: 1,
      longitude: 121.47,
      latitude: 31.23,
      pole: match?.pole ?? null,
      namePrefix: '新站',
    });
    expect(site.properties.poleId).toBe('IMP-7');
    expect(site.geometry.coordinates).toEqual([121.47, 31.2301]);
    store.getState().editScenario({ kind: 'undo' });
    expect(snap.nearest(121.47, 31.23, 30)).toBeNull();
  });

  it('takes whichever pole is nearer, sample or imported', () => {
    const { store, snap } = plannerWithScenario();
    store.getState().editScenario({
      kind: 'change',
      change: {
        type: 'putPoles',
        poles: [pole('IMP-FAR', 121.5, 31.3002), pole('IMP-NEAR', 121.5, 31.29995)],
      },
    });
    expect(snap.nearest(121.5, 31.3001, 30)?.pole.id).toBe('SAMPLE-1');
    expect(snap.nearest(121.5, 31.29996, 30)?.pole.id).toBe('IMP-NEAR');
  });
});
