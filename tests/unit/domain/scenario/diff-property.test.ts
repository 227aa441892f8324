import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChange } from '../../../../src/domain/history/apply-change';
import { diffScenarioSites, materializeScenarioSites } from '../../../../src/domain/scenario/scenario';
import type { Scenario } from '../../../../src/domain/scenario/scenario-types';
import type { SiteFeature } from '../../../../src/domain/types';
import { changeArbitrary, emptyScenario, smallBaseline } from '../../support/scenario/scenario-fixtures';

/** Applies a diff to an effective site set, as the coverage engine does. */
function applyDelta(sites: readonly SiteFeature[], delta: ReturnType<typeof diffScenarioSites>) {
  const byId = new Map(sites.map((site) => [site.properties.id, site]));
  for (const id of delta.removedIds) byId.delete(id);
  for (const site of delta.upserted) byId.set(site.properties.id, site);
  return byId;
}

const asMap = (sites: readonly SiteFeature[]) => new Map(sites.map((site) => [site.properties.id, site]));

describe('diffScenarioSites over random edit sequences', () => {
  it('turns the effective sites of any earlier version into those of any later one', () => {
    fc.assert(
      fc.property(fc.array(changeArbitrary, { minLength: 1, maxLength: 25 }), fc.nat(), (changes, pick) => {
        const versions: Scenario[] = [emptyScenario()];
        for (const change of changes) versions.push(applyChange(versions.at(-1)!, change).scenario);
        // Both directions between a random earlier version and each later one (drags, undo, redo).
        const from = versions[pick % versions.length]!;
        for (const to of versions) {
          const delta = diffScenarioSites(smallBaseline, from, to);
          const patched = applyDelta(materializeScenarioSites(smallBaseline, from), delta);
          expect(patched).toEqual(asMap(materializeScenarioSites(smallBaseline, to)));
          // Only what changed is sent: every upserted site differs from what the engine held.
          const before = asMap(materializeScenarioSites(smallBaseline, from));
          for (const site of delta.upserted) expect(before.get(site.properties.id)).not.toBe(site);
        }
      }),
      { numRuns: 300 },
    );
  });
});
