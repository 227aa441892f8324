/**
 * A scenario is a named set of changes on top of a read-only baseline of existing sites.
 * It stores only the changes, so a scenario over 70,000 baseline sites stays small and cheap to save.
 */
import type { MeasurementSet } from '../calibration/measurement-set';
import type { ScenarioCalibration } from '../calibration/scenario-calibration';
import type { PoleFeature, SiteFeature } from '../types';

/** The schema version written by this build. Bump it with a migration in migrations.ts. */
export const CURRENT_SCENARIO_SCHEMA_VERSION = 5;

/**
 * Which baseline a scenario was drawn on. `featureCount` and `hash` are absent for scenarios
 * migrated from v1, which recorded only the baseline id.
 */
export interface BaselineRef {
  id: string;
  featureCount?: number;
  /** FNV-1a (hex) over every baseline site id and position; see computeBaselineRef. */
  hash?: string;
}

export interface Scenario {
  id: string;
  name: string;
  /** ISO 8601 timestamps. */
  createdAt: string;
  updatedAt: string;
  schemaVersion: typeof CURRENT_SCENARIO_SCHEMA_VERSION;
  baselineRef: BaselineRef;
  /** The planner's own sites (status candidate or planned), in the order they were added. */
  addedSites: readonly SiteFeature[];
  /**
   * Baseline sites the planner explicitly switched to "modify": the full replacement feature,
   * same id as the baseline site. Sorted by id so equal scenarios are equal values.
   */
  modifiedSites: readonly SiteFeature[];
  /** Baseline site ids planned for removal. Sorted, no duplicates. */
  removedSiteIds: readonly string[];
  /**
   * Existing sites imported from an operator's sheet (status 'existing'): for this scenario they
   * extend the baseline (see scenarioBaseline), so they are read-only until switched to modify or
   * planned for removal, and they are not among what the scenario adds. Sorted by id.
   */
  existingSites: readonly SiteFeature[];
  /** Comprehensive poles imported into this scenario, next to the shipped sample poles. Sorted by id. */
  poles: readonly PoleFeature[];
  /**
   * Drive-test or MR measurements imported into this scenario, one set per file (v5). Stored beside the
   * scenario record (one IndexedDB record per set, written once), carried in full by the scenario file.
   */
  measurements: readonly MeasurementSet[];
  /** The calibration the model applies in this scenario, or null for the plain model (v5). */
  calibration: ScenarioCalibration | null;
}
