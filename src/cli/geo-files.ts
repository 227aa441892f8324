/** Reading GeoJSON for the CLI: shipped data relative to the repository root, user files with checks. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import type { SiteCollection, SiteFeature } from '../domain/types';
import { checkSiteFeature, describeSiteIssues } from '../domain/validation/site-feature';
import { CliError } from './cli-error';

/** The repository root, found from this module's location (not the working directory). */
export const REPOSITORY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A shipped file under data/geo/. */
export function readShippedGeoJson<T extends FeatureCollection>(name: string): T {
  return JSON.parse(readFileSync(resolve(REPOSITORY_ROOT, 'data/geo', name), 'utf8')) as T;
}

/**
 * Reads a site FeatureCollection of Points, each checked with the attribute panel's rules
 * (checkSiteFeature) and with a unique id; the first bad feature is a one-line CliError.
 */
export function readSiteFile(path: string): SiteCollection {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new CliError(`cannot read sites file "${path}" (${code})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CliError(`sites file "${path}" is not valid JSON (${(error as Error).message.split('\n')[0]})`);
  }
  const collection = data as { type?: unknown; features?: unknown };
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw new CliError(`sites file "${path}" is not a GeoJSON FeatureCollection`);
  }
  const seen = new Set<string>();
  const features = collection.features.map((raw, index) => validateSite(raw, index, path, seen));
  return { type: 'FeatureCollection', features };
}

function validateSite(raw: unknown, index: number, path: string, seen: Set<string>): SiteFeature {
  const check = checkSiteFeature(raw);
  const id = check.ok ? check.site.properties.id : idOf(raw);
  const where = `sites file "${path}", feature ${index}${id === undefined ? '' : ` (id "${id.slice(0, 80)}")`}`;
  if (!check.ok) throw new CliError(`${where}: ${describeSiteIssues(check.issues)}`);
  if (seen.has(check.site.properties.id)) throw new CliError(`${where}: duplicate id`);
  seen.add(check.site.properties.id);
  return check.site;
}

function idOf(raw: unknown): string | undefined {
  const feature = raw as { id?: unknown; properties?: { id?: unknown } } | null;
  const id = feature?.properties?.id ?? feature?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}
