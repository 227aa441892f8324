/**
 * Edits to a scenario as plain values (placemark's moment pattern): a change can be stored,
 * replayed, inverted and tested without any UI. Applying one returns its exact inverse.
 */
import type { Position } from 'geojson';
import type { MeasurementSet } from '../calibration/measurement-set';
import type { ScenarioCalibration } from '../calibration/scenario-calibration';
import type { PoleFeature, SiteFeature, SiteProperties } from '../types';

/** Fields to set on sites; null removes the field (e.g. azimuthDeg: null makes a site omni). */
export type SitePropertiesPatch = {
  [Field in Exclude<keyof SiteProperties, 'id'>]?: SiteProperties[Field] | null;
};

export interface SiteMove {
  id: string;
  /** WGS84 [longitude, latitude]. */
  coordinates: Position;
}

export interface IndexedSite {
  index: number;
  site: SiteFeature;
}

export type ScenarioChange =
  /** Adds the scenario's own sites, or replaces them in place when the id is already added. */
  | { type: 'putSites'; sites: readonly SiteFeature[] }
  /** Puts added sites back at their former positions (the inverse of deleteSites). */
  | { type: 'insertSites'; entries: readonly IndexedSite[] }
  /** Deletes the scenario's own sites; baseline ids are ignored (the baseline is read-only). */
  | { type: 'deleteSites'; ids: readonly string[] }
  /** Patches properties of added or modified sites. */
  | { type: 'setProperties'; ids: readonly string[]; patch: SitePropertiesPatch }
  /** Moves added or modified sites. */
  | { type: 'moveSites'; moves: readonly SiteMove[] }
  /** Switches baseline sites to "modify" with these replacement features (or replaces them). */
  | { type: 'putModifications'; sites: readonly SiteFeature[] }
  /** Reverts modified baseline sites to the baseline. */
  | { type: 'dropModifications'; ids: readonly string[] }
  /** Plans baseline sites for removal. */
  | { type: 'markForRemoval'; ids: readonly string[] }
  /** Cancels a planned removal. */
  | { type: 'unmarkForRemoval'; ids: readonly string[] }
  /** Adds imported existing sites (they extend the baseline for this scenario), or replaces them by id. */
  | { type: 'putExistingSites'; sites: readonly SiteFeature[] }
  /** Drops imported existing sites (the inverse of putExistingSites). */
  | { type: 'deleteExistingSites'; ids: readonly string[] }
  /** Adds imported poles, or replaces them by id. */
  | { type: 'putPoles'; poles: readonly PoleFeature[] }
  /** Drops imported poles (the inverse of putPoles). */
  | { type: 'deletePoles'; ids: readonly string[] }
  /** Adds measurement sets (one per imported file), or replaces them by id. */
  | { type: 'putMeasurements'; sets: readonly MeasurementSet[] }
  /** Drops measurement sets (the inverse of putMeasurements). */
  | { type: 'deleteMeasurements'; ids: readonly string[] }
  /** Applies a calibration to the scenario's model, or removes it (null: the plain model). */
  | { type: 'setCalibration'; calibration: ScenarioCalibration | null }
  | { type: 'rename'; name: string }
  /** Several changes as one undo step (an import, a multi-site edit). */
  | { type: 'batch'; changes: readonly ScenarioChange[] };

export type ScenarioChangeType = ScenarioChange['type'];

/** The empty change: applying it changes nothing. */
export const NO_CHANGE: ScenarioChange = { type: 'batch', changes: [] };

/** Wraps changes as one step, flattening trivial batches. */
export function batch(changes: readonly ScenarioChange[]): ScenarioChange {
  const meaningful = changes.filter((change) => !(change.type === 'batch' && change.changes.length === 0));
  if (meaningful.length === 1) return meaningful[0]!;
  return { type: 'batch', changes: meaningful };
}
