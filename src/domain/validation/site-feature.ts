/**
 * One check for a whole site feature, for every door a site comes in by that is not the attribute
 * panel: the CLI's site and candidate files, the coverage worker's messages, suggestion templates.
 * It applies the panel's own rules (validateSiteProperties, validatePosition), so a 10 km mast or a
 * 10⁶ m radius is refused everywhere the editor refuses it, and says why in the panel's words.
 */
import { type MessageKey, translate } from '../i18n/translate';
import type { SiteFeature } from '../types';
import {
  type SiteAttributeIssue,
  type SiteValidationOptions,
  validatePosition,
  validateSiteProperties,
} from './site-attributes';

export type SiteFeatureCheck = { ok: true; site: SiteFeature } | { ok: false; issues: SiteAttributeIssue[] };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks a GeoJSON Point feature as a site: position, then properties. A numeric id (or a
 * feature-level id when properties has none) is read as text, as GIS tools often write ids as numbers.
 */
export function checkSiteFeature(raw: unknown, options: SiteValidationOptions = {}): SiteFeatureCheck {
  if (!isRecord(raw) || raw.type !== 'Feature') return fail('coordinates', 'notAPosition');
  const geometry = raw.geometry;
  if (!isRecord(geometry)) return fail('coordinates', 'notAPosition');
  if (geometry.type !== 'Point') {
    // A site is a point: say so, and what the file holds instead (a LineString, a Polygon …).
    const found = typeof geometry.type === 'string' ? geometry.type.slice(0, 40) : typeof geometry.type;
    return { ok: false, issues: [{ field: 'coordinates', code: 'notAPoint', params: { found } }] };
  }
  const positionIssues = validatePosition(geometry.coordinates);
  if (positionIssues.length > 0) return { ok: false, issues: positionIssues };
  const properties: Record<string, unknown> = isRecord(raw.properties) ? { ...raw.properties } : {};
  const id = properties.id ?? raw.id;
  if (typeof id === 'number' && Number.isFinite(id)) properties.id = String(id);
  else if (id !== undefined) properties.id = id;
  const issues = validateSiteProperties(properties, options);
  if (issues.length > 0) return { ok: false, issues };
  const [longitude, latitude] = geometry.coordinates as [number, number];
  return {
    ok: true,
    site: {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [longitude, latitude] },
      properties: properties as unknown as SiteFeature['properties'],
    },
  };
}

function fail(field: SiteAttributeIssue['field'], code: SiteAttributeIssue['code']): SiteFeatureCheck {
  return { ok: false, issues: [{ field, code }] };
}

/** Field names as the CLI and logs show them (the property name, which is what a file holds). */
const fieldName = (field: string) => (field === 'coordinates' ? 'geometry.coordinates' : field);

/** One issue as an English sentence in the attribute panel's words ("heightM must be between 1 and 300 m"). */
export function describeSiteIssue(issue: SiteAttributeIssue): string {
  const params: Record<string, string | number> = { field: fieldName(issue.field) };
  for (const [key, value] of Object.entries(issue.params ?? {})) {
    params[key] = Array.isArray(value) ? value.join('|') : (value as string | number);
  }
  const sentence = translate('en', `validation.${issue.code}` as MessageKey, params).trim();
  return issue.code === 'notOneOf' && params.allowed !== undefined
    ? `${sentence} (one of ${params.allowed})`
    : sentence;
}

/** The issues of one site as one line, for a CLI error or a worker's rejection. */
export function describeSiteIssues(issues: readonly SiteAttributeIssue[]): string {
  const shown = issues.slice(0, 3).map(describeSiteIssue);
  return issues.length > 3 ? `${shown.join('; ')}; and ${issues.length - 3} more` : shown.join('; ');
}

/** Thrown by the coverage worker for a site message that breaks the rules; crosses Comlink by name. */
export class InvalidSiteError extends Error {
  override name = 'InvalidSiteError';
}

/**
 * Checks sites arriving in a message (coverage compute, upsert) and throws InvalidSiteError naming the
 * first bad one.
 */
export function assertValidSites(sites: readonly unknown[]): void {
  for (let index = 0; index < sites.length; index++) {
    const site = sites[index];
    if (isValidSiteFast(site)) continue;
    const check = checkSiteFeature(site);
    if (!check.ok) {
      const id = isRecord(site) && isRecord(site.properties) ? site.properties.id : undefined;
      const which = typeof id === 'string' ? `site "${id.slice(0, 80)}"` : `site ${index + 1}`;
      throw new InvalidSiteError(`${which}: ${describeSiteIssues(check.issues)}`);
    }
  }
}

/** The common case without copying: a Point feature whose properties pass as they are (string id). */
function isValidSiteFast(site: unknown): boolean {
  if (!isRecord(site) || site.type !== 'Feature' || !isRecord(site.geometry)) return false;
  const { geometry, properties } = site;
  if (geometry.type !== 'Point' || !isRecord(properties) || typeof properties.id !== 'string') return false;
  return (
    validatePosition(geometry.coordinates).length === 0 && validateSiteProperties(properties).length === 0
  );
}
