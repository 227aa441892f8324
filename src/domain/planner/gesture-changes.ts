/**
 * The planner's map gestures as ScenarioChanges: a new candidate (snapped to a pole or not) and a
 * drag of one or several sites with the grabbed one snapping, plus where the dragged sites are drawn
 * while the pointer moves. Pure, so unit tests check the snapping rules without a map.
 */
import { moveSitesChange } from '../history/change-builders';
import { batch, type ScenarioChange, type SitePropertiesPatch } from '../history/scenario-change';
import { radioDefaults } from '../propagation/link-budget';
import type { BaselineSites } from '../scenario/baseline-sites';
import type { Scenario } from '../scenario/scenario-types';
import type { SiteFeature } from '../types';
import type { SnapPole } from './pole-snap-index';

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** A site mounted on a pole: a micro cell at the pole's height with micro radio defaults. */
export function poleMountPatch(pole: SnapPole, band: SiteFeature['properties']['band'] = 'n78') {
  const micro = radioDefaults('micro', band ?? 'n78');
  return {
    poleId: pole.id,
    kind: 'micro',
    heightM: pole.heightM,
    powerDbm: round(micro.powerDbm, 1),
    antennaGainDbi: micro.antennaGainDbi,
  } satisfies SitePropertiesPatch;
}

/** A fresh candidate at a position (or on a pole), named with a running number. */
export function newCandidateSite(options: {
  id: string;
  number: number;
  longitude: number;
  latitude: number;
  pole: SnapPole | null;
  namePrefix: string;
}): SiteFeature {
  const macro = radioDefaults('macro', 'n78');
  const base: SiteFeature['properties'] = {
    id: options.id,
    name: `${options.namePrefix} ${options.number}`,
    kind: 'macro',
    band: 'n78',
    heightM: macro.heightM,
    powerDbm: round(macro.powerDbm, 1),
    antennaGainDbi: macro.antennaGainDbi,
    status: 'candidate',
  };
  const pole = options.pole;
  const coordinates = pole
    ? [pole.longitude, pole.latitude]
    : [round(options.longitude, 7), round(options.latitude, 7)];
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates },
    properties: pole ? { ...base, ...poleMountPatch(pole, 'n78') } : base,
  };
}

export interface DragOrigin {
  id: string;
  coordinates: readonly [number, number];
  poleId: string | undefined;
  band: SiteFeature['properties']['band'];
}

/**
 * One undo step for a drag: the grabbed site goes to the pointer (or the snapped pole), the other
 * dragged sites keep their offsets. Dropping on a pole mounts the site there; dragging a
 * pole-mounted site away frees it (poleId cleared, kind left as the planner set it).
 */
export function dragChange(
  scenario: Scenario,
  baseline: BaselineSites,
  origins: readonly DragOrigin[],
  grabbedId: string,
  pointer: readonly [number, number],
  pole: SnapPole | null,
): ScenarioChange {
  const grabbed = origins.find((origin) => origin.id === grabbedId);
  if (!grabbed) return batch([]);
  const target: [number, number] = pole ? [pole.longitude, pole.latitude] : [pointer[0], pointer[1]];
  const deltaLongitude = target[0] - grabbed.coordinates[0];
  const deltaLatitude = target[1] - grabbed.coordinates[1];
  const moves = origins.map((origin) => ({
    id: origin.id,
    coordinates:
      origin.id === grabbedId
        ? pole
          ? target
          : [round(target[0], 7), round(target[1], 7)]
        : [round(origin.coordinates[0] + deltaLongitude, 7), round(origin.coordinates[1] + deltaLatitude, 7)],
  }));
  const changes: ScenarioChange[] = [moveSitesChange(scenario, baseline, moves)];
  if (pole) {
    changes.push({ type: 'setProperties', ids: [grabbedId], patch: poleMountPatch(pole, grabbed.band) });
  }
  const freed = origins.filter((origin) => origin.poleId !== undefined && !(pole && origin.id === grabbedId));
  if (freed.length > 0) {
    changes.push({ type: 'setProperties', ids: freed.map((origin) => origin.id), patch: { poleId: null } });
  }
  return batch(changes);
}

/**
 * Where the dragged sites are drawn for a pointer position: the grabbed one at the pointer (or on the
 * snapped pole), the others keeping their offsets. Unrounded: only the committed change is rounded.
 */
export function draggedPositions(
  origins: readonly DragOrigin[],
  grabbedId: string,
  pointer: readonly [number, number],
  pole: SnapPole | null,
): { origin: DragOrigin; coordinates: [number, number]; onPole: boolean }[] {
  const grabbed = origins.find((origin) => origin.id === grabbedId);
  if (!grabbed) return [];
  const target = pole ? [pole.longitude, pole.latitude] : pointer;
  const deltaLongitude = (target[0] ?? 0) - grabbed.coordinates[0];
  const deltaLatitude = (target[1] ?? 0) - grabbed.coordinates[1];
  return origins.map((origin) => ({
    origin,
    coordinates: [origin.coordinates[0] + deltaLongitude, origin.coordinates[1] + deltaLatitude],
    onPole: origin.id === grabbed.id ? pole !== null : origin.poleId !== undefined,
  }));
}
