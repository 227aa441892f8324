/** Shared fixtures and fast-check arbitraries for scenario, history and export tests. */
import fc from 'fast-check';
import type { MeasurementSet } from '../../../../src/domain/calibration/measurement-set';
import type { ScenarioChange } from '../../../../src/domain/history/scenario-change';
import { indexBaseline } from '../../../../src/domain/scenario/baseline-sites';
import { createScenario } from '../../../../src/domain/scenario/scenario';
import type { Scenario } from '../../../../src/domain/scenario/scenario-types';
import type { SiteCollection, SiteFeature, SiteProperties } from '../../../../src/domain/types';

export const NOW = '2025-03-01T08:00:00.000Z';

/** A site at a position with properties; status defaults to candidate. */
export function site(
  id: string,
  longitude: number,
  latitude: number,
  extra: Partial<SiteProperties> = {},
): SiteFeature {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [longitude, latitude] },
    properties: { id, status: 'candidate', ...extra },
  };
}

/** A deterministic baseline of `count` existing sites named B0…B(n-1) on a grid over Shanghai. */
export function gridBaseline(count: number): SiteCollection {
  const features: SiteFeature[] = [];
  for (let index = 0; index < count; index += 1) {
    features.push(
      site(`B${index}`, 121 + (index % 300) * 0.003, 31 + Math.floor(index / 300) * 0.003, {
        status: 'existing',
        kind: 'macro',
        band: 'n78',
        heightM: 30,
      }),
    );
  }
  return { type: 'FeatureCollection', features };
}

export const smallBaseline = indexBaseline('sample', gridBaseline(12));

export function emptyScenario(): Scenario {
  return createScenario({ id: 'scenario-1', name: '方案一', baselineRef: smallBaseline.ref, nowIso: NOW });
}

const addedIds = ['C1', 'C2', 'C3', 'C4', 'C5'];
const baselineIds = ['B0', 'B1', 'B2', 'B3', 'B4'];
const anyIds = [...addedIds, ...baselineIds, 'missing'];

const longitudeArbitrary = fc.double({ min: 120.9, max: 122.1, noNaN: true });
const latitudeArbitrary = fc.double({ min: 30.7, max: 31.8, noNaN: true });

export const sitePropertiesArbitrary = (id: string, statuses: SiteProperties['status'][]) =>
  fc.record(
    {
      id: fc.constant(id),
      name: fc.string({ maxLength: 12 }).filter((name) => name.trim() !== ''),
      kind: fc.constantFrom('macro', 'micro', 'indoor' as const),
      band: fc.constantFrom('n28', 'n41', 'n78', 'n79' as const),
      heightM: fc.integer({ min: 1, max: 300 }),
      powerDbm: fc.integer({ min: 0, max: 80 }),
      azimuthDeg: fc.integer({ min: 0, max: 359 }),
      mechanicalTiltDeg: fc.integer({ min: -5, max: 10 }),
      electricalTiltDeg: fc.double({ min: 0, max: 12, noNaN: true }),
      verticalBeamwidthDeg: fc.integer({ min: 4, max: 65 }),
      status: fc.constantFrom(...statuses),
      poleId: fc.constantFrom('P1', 'P2', 'P-引号"'),
    },
    { requiredKeys: ['id', 'status'] },
  );

const siteArbitrary = (ids: string[], statuses: SiteProperties['status'][]) =>
  fc.constantFrom(...ids).chain((id) =>
    fc
      .tuple(longitudeArbitrary, latitudeArbitrary, sitePropertiesArbitrary(id, statuses))
      .map(([longitude, latitude, properties]) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [longitude, latitude] },
        properties: properties as SiteProperties,
      })),
  );

export const addedSiteArbitrary = siteArbitrary(addedIds, ['candidate', 'planned']);
const modifiedSiteArbitrary = siteArbitrary(baselineIds, ['existing', 'planned']);
/** Imported existing sites: their own ids (an import never reuses a scenario's ids). */
const importedIds = ['E1', 'E2', 'E3', 'E4'];
const existingSiteArbitrary = siteArbitrary(importedIds, ['existing']);
const poleIds = ['P1', 'P2', 'P3', 'P4'];
const poleArbitrary = fc
  .tuple(fc.constantFrom(...poleIds), longitudeArbitrary, latitudeArbitrary, fc.integer({ min: 1, max: 300 }))
  .map(([id, longitude, latitude, heightM]) => ({
    type: 'Feature' as const,
    geometry: { type: 'Point' as const, coordinates: [longitude, latitude] },
    properties: { id, heightM },
  }));
const idListArbitrary = fc.array(fc.constantFrom(...anyIds), { maxLength: 4 });

const leafChangeArbitrary: fc.Arbitrary<ScenarioChange> = fc.oneof(
  fc.record({
    type: fc.constant('putSites' as const),
    sites: fc.array(addedSiteArbitrary, { maxLength: 3 }),
  }),
  fc.record({ type: fc.constant('deleteSites' as const), ids: idListArbitrary }),
  fc.record({
    type: fc.constant('setProperties' as const),
    ids: idListArbitrary,
    patch: fc.record(
      {
        name: fc.oneof(fc.constant(null), fc.constantFrom('新站', 'a,b')),
        heightM: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 300 })),
        azimuthDeg: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 359 })),
        electricalTiltDeg: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 12 })),
      },
      { requiredKeys: [] },
    ),
  }),
  fc.record({
    type: fc.constant('moveSites' as const),
    moves: fc.array(
      fc.record({
        id: fc.constantFrom(...anyIds),
        coordinates: fc.tuple(longitudeArbitrary, latitudeArbitrary),
      }),
      { maxLength: 3 },
    ),
  }),
  fc.record({
    type: fc.constant('putModifications' as const),
    sites: fc.array(modifiedSiteArbitrary, { maxLength: 2 }),
  }),
  fc.record({ type: fc.constant('dropModifications' as const), ids: idListArbitrary }),
  fc.record({ type: fc.constant('markForRemoval' as const), ids: idListArbitrary }),
  fc.record({ type: fc.constant('unmarkForRemoval' as const), ids: idListArbitrary }),
  fc.record({ type: fc.constant('rename' as const), name: fc.constantFrom('方案一', '方案二', 'B') }),
  fc.record({
    type: fc.constant('putExistingSites' as const),
    sites: fc.array(existingSiteArbitrary, { maxLength: 3 }),
  }),
  fc.record({
    type: fc.constant('deleteExistingSites' as const),
    ids: fc.array(fc.constantFrom(...importedIds, 'C1'), { maxLength: 3 }),
  }),
  fc.record({ type: fc.constant('putPoles' as const), poles: fc.array(poleArbitrary, { maxLength: 3 }) }),
  fc.record({
    type: fc.constant('deletePoles' as const),
    ids: fc.array(fc.constantFrom(...poleIds), { maxLength: 3 }),
  }),
);

/** Random edits, including nested batches (an import or multi-edit as one step). */
export const changeArbitrary: fc.Arbitrary<ScenarioChange> = fc.oneof(
  { weight: 5, arbitrary: leafChangeArbitrary },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('batch' as const),
      changes: fc.array(leafChangeArbitrary, { maxLength: 4 }),
    }),
  },
);

/** A small valid measurement set (three samples near People's Square). */
export function measurementSet(id: string): MeasurementSet {
  return {
    id,
    name: `${id}.csv`,
    importedAt: NOW,
    crs: 'wgs84',
    count: 3,
    rowNumbers: Uint32Array.from([2, 3, 4]),
    lon: Float64Array.from([121.47, 121.4701, 121.4702]),
    lat: Float64Array.from([31.23, 31.23, 31.23]),
    rsrpDbm: Float32Array.from([-90, -91, -92]),
  };
}
