/**
 * Hand-rolled schema check for scenarios at the edges (IndexedDB, scenario files): everything read
 * back is checked here once, so the rest of the app can trust a Scenario. Issues carry a JSON path.
 */

import type { MeasurementSet } from '../calibration/measurement-set';
import { checkCalibration, checkMeasurementSet } from '../calibration/scenario-calibration';
import type { PoleFeature, SiteFeature, SiteProperties, SiteStatus } from '../types';
import { ADDED_SITE_STATUSES, validatePosition, validateSiteProperties } from '../validation/site-attributes';
import { checkFeatureList, keyedCheck } from './feature-list-check';
import { siteIndex } from './scenario-lookup';
import { type BaselineRef, CURRENT_SCENARIO_SCHEMA_VERSION, type Scenario } from './scenario-types';

export interface ScenarioIssue {
  /** JSON path of the offending value, e.g. 'addedSites[3].properties.heightM'. */
  path: string;
  code: string;
  params?: Record<string, unknown>;
}

export type ScenarioValidation = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

const SCENARIO_FIELDS = new Set([
  'id',
  'name',
  'createdAt',
  'updatedAt',
  'schemaVersion',
  'baselineRef',
  'addedSites',
  'modifiedSites',
  'removedSiteIds',
  'existingSites',
  'poles',
  'measurements',
  'calibration',
]);
/** Imported existing sites extend the baseline: they carry the baseline's status. */
const EXISTING_SITE_STATUSES: readonly SiteStatus[] = ['existing'];
const MAX_ISSUES = 50;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isIsoTimestamp = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));

const isNonEmptyString = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '';

/** Checks a GeoJSON point feature with an object of properties; true when the properties can be read. */
function checkPointFeature(
  value: unknown,
  path: string,
  issues: ScenarioIssue[],
): value is { properties: Record<string, unknown> } {
  if (!isRecord(value) || value.type !== 'Feature') {
    issues.push({ path, code: 'notAFeature' });
    return false;
  }
  const geometry = value.geometry;
  if (!isRecord(geometry) || geometry.type !== 'Point') {
    issues.push({ path: `${path}.geometry`, code: 'notAPoint' });
  } else {
    for (const issue of validatePosition(geometry.coordinates)) {
      issues.push({ path: `${path}.geometry.coordinates`, code: issue.code, ...paramsOf(issue.params) });
    }
  }
  if (!isRecord(value.properties)) {
    issues.push({ path: `${path}.properties`, code: 'notAnObject' });
    return false;
  }
  return true;
}

/**
 * Site objects already found valid, with the status lists they were checked against. Sites are
 * immutable values (every edit makes a new object), so autosave's validation of a scenario with 38,000
 * sites checks only the few that changed since the last save.
 */
const validSites = new WeakMap<object, Set<readonly SiteStatus[] | undefined>>();

function checkSite(
  value: unknown,
  path: string,
  allowedStatuses: readonly SiteStatus[] | undefined,
  issues: ScenarioIssue[],
): value is SiteFeature {
  if (isRecord(value) && validSites.get(value)?.has(allowedStatuses)) return true;
  const before = issues.length;
  if (!checkPointFeature(value, path, issues)) return false;
  const options = allowedStatuses ? { allowedStatuses } : {};
  for (const issue of validateSiteProperties(value.properties, options)) {
    issues.push({ path: `${path}.properties.${issue.field}`, code: issue.code, ...paramsOf(issue.params) });
  }
  if (issues.length === before) {
    const checked = validSites.get(value) ?? new Set();
    checked.add(allowedStatuses);
    validSites.set(value, checked);
  }
  return true;
}

/** A pole has an id and a height (the site rules for both), optionally an adcode and the sample flag. */
function checkPole(value: unknown, path: string, issues: ScenarioIssue[]): value is PoleFeature {
  if (!checkPointFeature(value, path, issues)) return false;
  const { id, heightM, adcode, synthetic, ...unknown } = value.properties;
  if (heightM === undefined) issues.push({ path: `${path}.properties.heightM`, code: 'required' });
  const known = { id, heightM, adcode, synthetic };
  for (const issue of validateSiteProperties(known)) {
    issues.push({ path: `${path}.properties.${issue.field}`, code: issue.code, ...paramsOf(issue.params) });
  }
  for (const field of Object.keys(unknown)) {
    issues.push({ path: `${path}.properties.${field}`, code: 'unknownField' });
  }
  return true;
}

function paramsOf(params: Record<string, unknown> | undefined): { params?: Record<string, unknown> } {
  return params ? { params } : {};
}

const siteCheck = (allowedStatuses: readonly SiteStatus[] | undefined, requireStatus = false) =>
  keyedCheck(
    `site:${allowedStatuses?.join(',') ?? '*'}:${requireStatus}`,
    (item: unknown, itemPath: string, issues: ScenarioIssue[]): item is SiteFeature => {
      if (!checkSite(item, itemPath, allowedStatuses, issues)) return false;
      if (requireStatus && (item.properties as SiteProperties).status === undefined) {
        issues.push({ path: `${itemPath}.properties.status`, code: 'required' });
      }
      return true;
    },
  );

const poleCheck = keyedCheck(
  'pole',
  (item: unknown, itemPath: string, issues: ScenarioIssue[]): item is PoleFeature =>
    checkPole(item, itemPath, issues),
);

const idOf = (item: unknown): string | undefined => {
  const id = isRecord(item) && isRecord(item.properties) ? item.properties.id : undefined;
  return typeof id === 'string' ? id : undefined;
};

/** Imported existing sites and added sites share one id space (both are sites of the scenario). */
function checkSharedIds(
  addedSites: readonly SiteFeature[],
  existingSites: readonly SiteFeature[],
  issues: ScenarioIssue[],
): void {
  if (existingSites.length === 0 || addedSites.length === 0) return;
  // A clean scenario's added sites have a cached index; a broken one gets a plain set of the ids it has.
  const added =
    issues.length === 0
      ? siteIndex(addedSites)
      : new Set(addedSites.map(idOf).filter((id): id is string => id !== undefined));
  existingSites.forEach((site, index) => {
    const id = idOf(site);
    if (id !== undefined && added.has(id)) {
      issues.push({ path: `existingSites[${index}].properties.id`, code: 'duplicateId', params: { id } });
    }
  });
}

function checkBaselineRef(value: unknown, issues: ScenarioIssue[]): void {
  if (!isRecord(value)) {
    issues.push({ path: 'baselineRef', code: 'notAnObject' });
    return;
  }
  if (!isNonEmptyString(value.id)) issues.push({ path: 'baselineRef.id', code: 'notAString' });
  const count = value.featureCount;
  if (count !== undefined && !(Number.isInteger(count) && (count as number) >= 0)) {
    issues.push({ path: 'baselineRef.featureCount', code: 'notACount' });
  }
  if (value.hash !== undefined && typeof value.hash !== 'string') {
    issues.push({ path: 'baselineRef.hash', code: 'notAString' });
  }
}

const compareIds = (left: string, right: string) => (left < right ? -1 : left > right ? 1 : 0);

/** The items sorted by id: the list itself when it already is (as applyChange keeps them). */
function sortedById<Item extends { properties: { id: string } }>(items: readonly Item[]): readonly Item[] {
  for (let index = 1; index < items.length; index++) {
    if (compareIds(items[index - 1]!.properties.id, items[index]!.properties.id) > 0) {
      return [...items].sort((left, right) => compareIds(left.properties.id, right.properties.id));
    }
  }
  return items;
}

/**
 * Checks that a value is a current-version Scenario. On success returns it in canonical form
 * (modifiedSites, existingSites, poles and removedSiteIds sorted, removed ids de-duplicated), never
 * with data dropped. `maxIssues` caps the issues reported (recovery asks for all of them).
 */
export function validateScenario(value: unknown, maxIssues = MAX_ISSUES): ScenarioValidation {
  const issues: ScenarioIssue[] = [];
  if (!isRecord(value)) return { ok: false, issues: [{ path: '', code: 'notAnObject' }] };
  if (value.schemaVersion !== CURRENT_SCENARIO_SCHEMA_VERSION) {
    issues.push({
      path: 'schemaVersion',
      code: 'wrongSchemaVersion',
      params: { expected: CURRENT_SCENARIO_SCHEMA_VERSION, found: value.schemaVersion },
    });
  }
  for (const field of Object.keys(value)) {
    if (!SCENARIO_FIELDS.has(field)) issues.push({ path: field, code: 'unknownField' });
  }
  if (!isNonEmptyString(value.id)) issues.push({ path: 'id', code: 'notAString' });
  if (typeof value.name !== 'string') issues.push({ path: 'name', code: 'notAString' });
  if (!isIsoTimestamp(value.createdAt)) issues.push({ path: 'createdAt', code: 'notATimestamp' });
  if (!isIsoTimestamp(value.updatedAt)) issues.push({ path: 'updatedAt', code: 'notATimestamp' });
  checkBaselineRef(value.baselineRef, issues);
  const addedSites = checkFeatureList(
    value.addedSites,
    'addedSites',
    'added',
    siteCheck(ADDED_SITE_STATUSES),
    issues,
  );
  const existingSites = checkFeatureList(
    value.existingSites,
    'existingSites',
    'existing',
    siteCheck(EXISTING_SITE_STATUSES, true),
    issues,
  );
  checkSharedIds(addedSites, existingSites, issues);
  const modifiedSites = checkFeatureList(
    value.modifiedSites,
    'modifiedSites',
    'modified',
    siteCheck(undefined),
    issues,
  );
  const poles = checkFeatureList(value.poles, 'poles', 'poles', poleCheck, issues);
  const removedSiteIds = value.removedSiteIds;
  if (!Array.isArray(removedSiteIds)) {
    issues.push({ path: 'removedSiteIds', code: 'notAnArray' });
  } else {
    removedSiteIds.forEach((id, index) => {
      if (!isNonEmptyString(id)) issues.push({ path: `removedSiteIds[${index}]`, code: 'notAString' });
    });
  }
  const measurements = checkMeasurements(value.measurements, issues);
  checkCalibration(value.calibration, 'calibration', issues);
  if (issues.length > 0) return { ok: false, issues: issues.slice(0, maxIssues) };
  const scenario: Scenario = {
    id: value.id as string,
    name: value.name as string,
    createdAt: value.createdAt as string,
    updatedAt: value.updatedAt as string,
    schemaVersion: CURRENT_SCENARIO_SCHEMA_VERSION,
    baselineRef: value.baselineRef as BaselineRef,
    addedSites,
    modifiedSites: sortedById(modifiedSites),
    removedSiteIds: [...new Set(removedSiteIds as string[])].sort(compareIds),
    existingSites: sortedById(existingSites),
    poles: sortedById(poles),
    measurements,
    calibration: value.calibration as Scenario['calibration'],
  };
  return { ok: true, scenario };
}

/** The scenario's measurement sets (each checked once, see checkMeasurementSet), ids unique. */
function checkMeasurements(value: unknown, issues: ScenarioIssue[]): MeasurementSet[] {
  if (!Array.isArray(value)) {
    issues.push({ path: 'measurements', code: 'notAnArray' });
    return [];
  }
  const seen = new Set<string>();
  const sets: MeasurementSet[] = [];
  value.forEach((set, index) => {
    if (!checkMeasurementSet(set, `measurements[${index}]`, issues)) return;
    if (seen.has(set.id)) issues.push({ path: `measurements[${index}].id`, code: 'duplicateId' });
    seen.add(set.id);
    sets.push(set);
  });
  // Sorted by id like the other keyed lists, so equal scenarios are equal values.
  return sets.sort((left, right) => compareIds(left.id, right.id));
}

/** One-line summary of issues for logs and the quarantine list. */
export function describeIssues(issues: readonly ScenarioIssue[]): string {
  const shown = issues.slice(0, 5).map((issue) => `${issue.path || '(root)'}: ${issue.code}`);
  return issues.length > 5 ? `${shown.join('; ')}; … ${issues.length - 5} more` : shown.join('; ');
}
