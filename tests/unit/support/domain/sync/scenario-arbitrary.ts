/** Random scenarios over a small id space, so two of them share, change and lack the same ids. */
import fc from 'fast-check';
import { createScenario } from '../../../../../src/domain/scenario/scenario';
import type { Scenario } from '../../../../../src/domain/scenario/scenario-types';
import type { PoleFeature, SiteFeature } from '../../../../../src/domain/types';

export const site = (
  id: string,
  lon = 121.5,
  lat = 31.2,
  extra: Record<string, unknown> = {},
): SiteFeature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lon, lat] },
  properties: { id, status: 'candidate', ...extra },
});

export const base = createScenario({
  id: 's',
  name: 'plan',
  baselineRef: { id: 'b' },
  nowIso: '2026-01-01T00:00:00.000Z',
});

const byId = <Item extends { properties: { id: string } }>(items: Item[]) =>
  items.sort((left, right) => (left.properties.id < right.properties.id ? -1 : 1));

export const scenarioArbitrary = fc
  .record({
    added: fc.uniqueArray(
      fc.record({
        id: fc.integer({ min: 0, max: 12 }),
        lon: fc.integer({ min: 0, max: 3 }),
        name: fc.constantFrom('a', 'b'),
      }),
      {
        selector: (entry) => entry.id,
        maxLength: 10,
      },
    ),
    modified: fc.uniqueArray(
      fc.record({ id: fc.integer({ min: 0, max: 8 }), lon: fc.integer({ min: 0, max: 3 }) }),
      { selector: (entry) => entry.id, maxLength: 6 },
    ),
    existing: fc.uniqueArray(
      fc.record({ id: fc.integer({ min: 0, max: 5 }), lon: fc.integer({ min: 0, max: 2 }) }),
      { selector: (entry) => entry.id, maxLength: 4 },
    ),
    poles: fc.uniqueArray(
      fc.record({ id: fc.integer({ min: 0, max: 5 }), heightM: fc.constantFrom(8, 12) }),
      { selector: (entry) => entry.id, maxLength: 4 },
    ),
    removed: fc.uniqueArray(fc.integer({ min: 0, max: 8 }), { maxLength: 5 }),
    name: fc.constantFrom('plan', 'renamed', 'other name'),
  })
  .map(
    ({ added, modified, existing, poles, removed, name }): Scenario => ({
      ...base,
      name,
      addedSites: added.map((entry) =>
        site(`a${entry.id}`, 121 + entry.lon / 10, 31.2, { name: entry.name }),
      ),
      modifiedSites: byId(modified.map((entry) => site(`b${entry.id}`, 121 + entry.lon / 10))),
      existingSites: byId(
        existing.map((entry) => site(`e${entry.id}`, 121 + entry.lon / 10, 31.2, { status: 'existing' })),
      ),
      poles: byId(
        poles.map(
          (entry): PoleFeature => ({
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [121.3, 31.1] },
            properties: { id: `p${entry.id}`, heightM: entry.heightM },
          }),
        ),
      ),
      removedSiteIds: removed.map((id) => `b${id}`).sort(),
    }),
  );
