/**
 * Validation of site attributes for the attribute panel (single and multi-edit), imports and
 * stored scenarios. Returns codes and parameters, never sentences: the UI translates
 * `validation.<code>` with the field label and params, so messages can be Chinese or English.
 */
import type { Position } from 'geojson';
import { BANDS, SITE_KINDS, SITE_STATUSES, type SiteProperties, type SiteStatus } from '../types';

export type SiteAttributeErrorCode =
  | 'required'
  | 'notAString'
  | 'empty'
  | 'tooLong'
  | 'notANumber'
  | 'outOfRange'
  | 'notOneOf'
  | 'notABoolean'
  | 'statusNotAllowed'
  | 'beamwidthWithoutAzimuth'
  | 'totalTiltOutOfRange'
  | 'notAPosition'
  | 'notAPoint'
  | 'readOnly'
  | 'unknownField';

export type SiteField = keyof SiteProperties | 'coordinates';

export interface SiteAttributeIssue {
  field: SiteField;
  code: SiteAttributeErrorCode;
  /** Values for the translated message, e.g. { min: 1, max: 300, unit: 'm' }. */
  params?: Record<string, string | number | readonly string[]>;
  /** Set for multi-edit: which site the issue applies to. */
  siteId?: string;
}

interface NumberRule {
  min: number;
  max: number;
  unit: string;
}

/** Accepted numeric ranges, inclusive. Exported so the UI can show them as input hints. */
export const SITE_NUMBER_RULES = {
  heightM: { min: 1, max: 300, unit: 'm' },
  powerDbm: { min: 0, max: 80, unit: 'dBm' },
  bandwidthMHz: { min: 1, max: 400, unit: 'MHz' },
  antennaGainDbi: { min: -10, max: 30, unit: 'dBi' },
  azimuthDeg: { min: 0, max: 360, unit: '°' },
  beamwidthDeg: { min: 1, max: 360, unit: '°' },
  mechanicalTiltDeg: { min: -20, max: 90, unit: '°' },
  electricalTiltDeg: { min: -20, max: 90, unit: '°' },
  verticalBeamwidthDeg: { min: 1, max: 180, unit: '°' },
  radiusM: { min: 1, max: 50_000, unit: 'm' },
  pci: { min: 0, max: 1007, unit: '' },
} as const satisfies Partial<Record<keyof SiteProperties, NumberRule>>;

const NUMBER_FIELDS = Object.keys(SITE_NUMBER_RULES) as (keyof typeof SITE_NUMBER_RULES)[];
const TEXT_LIMITS = { id: 128, name: 100, poleId: 128, adcode: 12 } as const;
const TEXT_FIELDS = Object.keys(TEXT_LIMITS) as (keyof typeof TEXT_LIMITS)[];
const KNOWN_FIELDS = new Set<string>([
  ...NUMBER_FIELDS,
  ...TEXT_FIELDS,
  'kind',
  'band',
  'status',
  'synthetic',
]);

/**

 * The radio attributes of a site (what a suggestion template or a candidate can set): every numeric
 * field with a rule, plus kind and band. Names, ids, status and pole ids are the site's, not its radio's.
 */
export const SITE_TEMPLATE_FIELDS: ReadonlySet<string> = new Set<string>([...NUMBER_FIELDS, 'kind', 'band']);

/**
 * Mechanical + electrical tilt: the pattern uses the sum, which must stay in the range each part has
 * (−20° uptilt … 90°, straight down).
 */
export const TOTAL_TILT_RULE = { min: -20, max: 90, unit: '°' } as const;

function checkTotalTilt(properties: Readonly<Record<string, unknown>>): boolean {
  const { mechanicalTiltDeg, electricalTiltDeg } = properties;
  if (typeof mechanicalTiltDeg !== 'number' || typeof electricalTiltDeg !== 'number') return true;
  const total = mechanicalTiltDeg + electricalTiltDeg;
  return total >= TOTAL_TILT_RULE.min && total <= TOTAL_TILT_RULE.max;
}

const totalTiltIssue = (siteId?: string): SiteAttributeIssue => ({
  field: 'electricalTiltDeg',
  code: 'totalTiltOutOfRange',
  params: { ...TOTAL_TILT_RULE },
  ...(siteId === undefined ? {} : { siteId }),
});

/** Statuses a scenario's own sites may carry; 'existing' belongs to the baseline only. */
export const ADDED_SITE_STATUSES: readonly SiteStatus[] = ['candidate', 'planned'];

export interface SiteValidationOptions {
  /** Statuses allowed here (e.g. ADDED_SITE_STATUSES for candidates). Default: all. */
  allowedStatuses?: readonly SiteStatus[];
  /** Require an id (true for whole sites, false for a multi-edit patch). Default true. */
  requireId?: boolean;
  /** Report properties this app does not know. Default false: imports may carry extra columns. */
  rejectUnknownFields?: boolean;
}

function checkText(field: keyof typeof TEXT_LIMITS, value: unknown, issues: SiteAttributeIssue[]): void {
  if (typeof value !== 'string') {
    issues.push({ field, code: 'notAString' });
  } else if (value.trim() === '') {
    issues.push({ field, code: 'empty' });
  } else if (value.length > TEXT_LIMITS[field]) {
    issues.push({ field, code: 'tooLong', params: { maxLength: TEXT_LIMITS[field] } });
  }
}

function checkNumber(field: keyof typeof SITE_NUMBER_RULES, value: unknown, issues: SiteAttributeIssue[]) {
  const rule = SITE_NUMBER_RULES[field];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    issues.push({ field, code: 'notANumber' });
  } else if (value < rule.min || value > rule.max) {
    issues.push({ field, code: 'outOfRange', params: { min: rule.min, max: rule.max, unit: rule.unit } });
  }
}

function checkChoice(
  field: 'kind' | 'band' | 'status',
  value: unknown,
  allowed: readonly string[],
  issues: SiteAttributeIssue[],
): void {
  if (typeof value !== 'string' || !allowed.includes(value)) {
    issues.push({ field, code: 'notOneOf', params: { allowed } });
  }
}

/**
 * Validates site properties (a whole site, or with requireId false a multi-edit patch). Absent
 * optional fields are fine; a present field must be valid. An empty array means valid.
 */
export function validateSiteProperties(
  properties: Readonly<Record<string, unknown>>,
  options: SiteValidationOptions = {},
): SiteAttributeIssue[] {
  if (allValid(properties, options)) return [];
  const issues: SiteAttributeIssue[] = [];
  const has = (field: string) => Object.hasOwn(properties, field) && properties[field] !== undefined;
  if (options.requireId !== false && !has('id')) issues.push({ field: 'id', code: 'required' });
  for (const field of TEXT_FIELDS) if (has(field)) checkText(field, properties[field], issues);
  for (const field of NUMBER_FIELDS) if (has(field)) checkNumber(field, properties[field], issues);
  if (has('kind')) checkChoice('kind', properties.kind, SITE_KINDS, issues);
  if (has('band')) checkChoice('band', properties.band, BANDS, issues);
  if (has('status')) {
    checkChoice('status', properties.status, SITE_STATUSES, issues);
    const allowed = options.allowedStatuses;
    const status = properties.status as SiteStatus;
    if (allowed && SITE_STATUSES.includes(status) && !allowed.includes(status)) {
      issues.push({ field: 'status', code: 'statusNotAllowed', params: { allowed } });
    }
  }
  if (has('synthetic') && typeof properties.synthetic !== 'boolean') {
    issues.push({ field: 'synthetic', code: 'notABoolean' });
  }
  if (options.requireId !== false && !checkTotalTilt(properties)) issues.push(totalTiltIssue());
  if (options.rejectUnknownFields) {
    for (const field of Object.keys(properties)) {
      if (!KNOWN_FIELDS.has(field)) issues.push({ field: field as SiteField, code: 'unknownField' });
    }
  }
  return issues;
}

type FieldRule =
  | { type: 'number'; min: number; max: number }
  | { type: 'text'; maxLength: number }
  | { type: 'choice'; field: 'kind' | 'band' | 'status'; allowed: readonly string[] }
  | { type: 'boolean' };

/** Every known field's rule, from the tables above: one Map lookup per field a site has. */
const FIELD_RULES = new Map<string, FieldRule>([
  ...NUMBER_FIELDS.map((field): [string, FieldRule] => [
    field,
    { type: 'number', ...SITE_NUMBER_RULES[field] },
  ]),
  ...TEXT_FIELDS.map((field): [string, FieldRule] => [
    field,
    { type: 'text', maxLength: TEXT_LIMITS[field] },
  ]),
  ['kind', { type: 'choice', field: 'kind', allowed: SITE_KINDS }],
  ['band', { type: 'choice', field: 'band', allowed: BANDS }],
  ['status', { type: 'choice', field: 'status', allowed: SITE_STATUSES }],
  ['synthetic', { type: 'boolean' }],
]);

/**
 * The same rules as validateSiteProperties in one walk over the fields a site has, answering only
 * "valid or not": the coverage worker checks every site of a 70,000-site compute, and this walk costs
 * a fraction of collecting issues field by field. Any doubt falls through to the full check.
 */
function allValid(properties: Readonly<Record<string, unknown>>, options: SiteValidationOptions): boolean {
  if (options.requireId !== false && (!Object.hasOwn(properties, 'id') || properties.id === undefined)) {
    return false;
  }
  // for…in may also walk inherited keys: checking one more value can only send a site to the full check.
  for (const field in properties) {
    const value = properties[field];
    if (value === undefined) continue;
    const rule = FIELD_RULES.get(field);
    if (rule === undefined) {
      if (options.rejectUnknownFields) return false;
      continue;
    }
    switch (rule.type) {
      case 'number':
        if (typeof value !== 'number' || !(value >= rule.min && value <= rule.max)) return false;
        break;
      case 'text':
        if (typeof value !== 'string' || value.length > rule.maxLength || value.trim() === '') return false;
        break;
      case 'choice': {
        const allowed = rule.field === 'status' ? (options.allowedStatuses ?? rule.allowed) : rule.allowed;
        if (typeof value !== 'string' || !allowed.includes(value)) return false;
        break;
      }
      case 'boolean':
        if (typeof value !== 'boolean') return false;
    }
  }
  return options.requireId === false || checkTotalTilt(properties);
}

/** Validates a WGS84 position [longitude, latitude] (RFC 7946 order). */
export function validatePosition(position: unknown): SiteAttributeIssue[] {
  const isPosition =
    Array.isArray(position) &&
    (position.length === 2 || position.length === 3) &&
    position.every((value) => typeof value === 'number' && Number.isFinite(value));
  if (!isPosition) return [{ field: 'coordinates', code: 'notAPosition' }];
  const [longitude, latitude] = position as Position as [number, number];
  if (longitude < -180 || longitude > 180 || latitude < -90 || latitude > 90) {
    return [{ field: 'coordinates', code: 'outOfRange', params: { min: -180, max: 180 } }];
  }
  return [];
}

/**
 * Multi-edit check: validates the patch alone and then each selected site as it would be after
 * the patch (e.g. a beamwidth needs an azimuth on every site), tagging issues with the site id.
 */
export function validateSitePatch(
  patch: Readonly<Record<string, unknown>>,
  sites: readonly Readonly<SiteProperties>[],
  options: Omit<SiteValidationOptions, 'requireId'> = {},
): SiteAttributeIssue[] {
  // null in a patch clears a field (e.g. azimuth → omni), so only the values being set are checked.
  const valuesSet = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== null));
  const patchIssues = validateSiteProperties(valuesSet, { ...options, requireId: false });
  if (Object.hasOwn(patch, 'id')) patchIssues.push({ field: 'id', code: 'readOnly' });
  if (patchIssues.length > 0) return patchIssues;
  const issues: SiteAttributeIssue[] = [];
  for (const site of sites) {
    const merged: Record<string, unknown> = { ...site };
    for (const [field, value] of Object.entries(patch)) {
      if (value === null || value === undefined) delete merged[field];
      else merged[field] = value;
    }
    if (merged.beamwidthDeg !== undefined && merged.azimuthDeg === undefined) {
      issues.push({ field: 'beamwidthDeg', code: 'beamwidthWithoutAzimuth', siteId: site.id });
    }
    if (!checkTotalTilt(merged)) issues.push(totalTiltIssue(site.id));
  }
  return issues;
}
