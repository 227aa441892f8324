/**
 * Hand-rolled schema check for scenarios at the edges (IndexedDB, scenario files): everything read
 * back is checked here once, so the rest of the app can trust a Scenario. Issues carry a JSON path.
 */
import type { SiteFeature, SiteProperties } from '../types';
import { ADDED_SITE_STATUSES, validatePosition, validateSiteProperties } from '../validation/site-attributes';
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
]);
const MAX_ISSUES = 50;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isIsoTimestamp = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));

const isNonEmptyString = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '';

function checkSite(
  value: unknown,
  path: string,
  addedSite: boolean,
  issues: ScenarioIssue[],
): value is SiteFeature {
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
  const options = addedSite ? { allowedStatuses: ADDED_SITE_STATUSES } : {};
  for (const issue of validateSiteProperties(value.properties, options)) {
    issues.push({ path: `${path}.properties.${issue.field}`, code: issue.code, ...paramsOf(issue.params) });
  }
  return true;
}

function paramsOf(params: Record<string, unknown> | undefined): { params?: Record<string, unknown> } {
  return params ? { params } : {};
}

function checkSiteList(
  value: unknown,
  path: string,
  addedSites: boolean,
  issues: ScenarioIssue[],
): SiteFeature[] {
  if (!Array.isArray(value)) {
    issues.push({ path, code: 'notAnArray' });
    return [];
  }
  const seen = new Set<string>();
  value.forEach((site, index) => {
    const sitePath = `${path}[${index}]`;
    if (!checkSite(site, sitePath, addedSites, issues)) return;
    const id = (site.properties as SiteProperties).id;
    if (seen.has(id)) issues.push({ path: `${sitePath}.properties.id`, code: 'duplicateId', params: { id } });
    seen.add(id);
  });
  return value as SiteFeature[];
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

/**
 * Checks that a value is a current-version Scenario. On success returns it in canonical form
 * (modifiedSites and removedSiteIds sorted, removed ids de-duplicated), never with data dropped.
 */
export function validateScenario(value: unknown): ScenarioValidation {
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
  const addedSites = checkSiteList(value.addedSites, 'addedSites', true, issues);
  const modifiedSites = checkSiteList(value.modifiedSites, 'modifiedSites', false, issues);
  const removedSiteIds = value.removedSiteIds;
  if (!Array.isArray(removedSiteIds)) {
    issues.push({ path: 'removedSiteIds', code: 'notAnArray' });
  } else {
    removedSiteIds.forEach((id, index) => {
      if (!isNonEmptyString(id)) issues.push({ path: `removedSiteIds[${index}]`, code: 'notAString' });
    });
  }
  if (issues.length > 0) return { ok: false, issues: issues.slice(0, MAX_ISSUES) };
  const scenario: Scenario = {
    id: value.id as string,
    name: value.name as string,
    createdAt: value.createdAt as string,
    updatedAt: value.updatedAt as string,
    schemaVersion: CURRENT_SCENARIO_SCHEMA_VERSION,
    baselineRef: value.baselineRef as BaselineRef,
    addedSites,
    modifiedSites: [...modifiedSites].sort((left, right) =>
      compareIds(left.properties.id, right.properties.id),
    ),
    removedSiteIds: [...new Set(removedSiteIds as string[])].sort(compareIds),
  };
  return { ok: true, scenario };
}

/** One-line summary of issues for logs and the quarantine list. */
export function describeIssues(issues: readonly ScenarioIssue[]): string {
  const shown = issues.slice(0, 5).map((issue) => `${issue.path || '(root)'}: ${issue.code}`);
  return issues.length > 5 ? `${shown.join('; ')}; … ${issues.length - 5} more` : shown.join('; ');
}
