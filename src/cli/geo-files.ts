/** Reading GeoJSON for the CLI: shipped data relative to the repository root, user files with checks. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import type { SiteCollection, SiteFeature } from '../domain/types';
import { BANDS, SITE_KINDS } from '../domain/types';
import { CliError } from './cli-error';

/** The repository root, found from this module's location (not the working directory). */
export const REPOSITORY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A shipped file under data/geo/. */
export function readShippedGeoJson<T extends FeatureCollection>(name: string): T {
  return JSON.parse(readFileSync(resolve(REPOSITORY_ROOT, 'data/geo', name), 'utf8')) as T;
}

/** Read and validate a site FeatureCollection of Points, each with a unique string/number id. */
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
  const where = `sites file "${path}", feature ${index}`;
  const feature = raw as {
    type?: unknown;
    id?: unknown;
    geometry?: { type?: unknown; coordinates?: unknown };
    properties?: Record<string, unknown> | null;
  };
  if (feature?.type !== 'Feature') throw new CliError(`${where}: not a GeoJSON Feature`);
  if (feature.geometry?.type !== 'Point') throw new CliError(`${where}: geometry must be a Point`);
  const coordinates = feature.geometry.coordinates;
  if (
    !Array.isArray(coordinates) ||
    coordinates.length < 2 ||
    !coordinates.every((value) => typeof value === 'number' && Number.isFinite(value)) ||
    Math.abs(coordinates[0] as number) > 180 ||
    Math.abs(coordinates[1] as number) > 90
  ) {
    throw new CliError(`${where}: coordinates must be [longitude, latitude] numbers`);
  }
  const properties = { ...(feature.properties ?? {}) };
  const id = properties.id ?? feature.id;
  if (typeof id !== 'string' && typeof id !== 'number') throw new CliError(`${where}: missing properties.id`);
  const key = String(id);
  if (seen.has(key)) throw new CliError(`${where}: duplicate id "${key}"`);
  seen.add(key);
  if (properties.kind !== undefined && !SITE_KINDS.includes(properties.kind as never)) {
    throw new CliError(`${where}: kind must be one of ${SITE_KINDS.join('|')}`);
  }
  if (properties.band !== undefined && !BANDS.includes(properties.band as never)) {
    throw new CliError(`${where}: band must be one of ${BANDS.join('|')}`);
  }
  for (const name of [
    'heightM',
    'powerDbm',
    'bandwidthMHz',
    'antennaGainDbi',
    'azimuthDeg',
    'beamwidthDeg',
    'radiusM',
  ]) {
    const value = properties[name];
    if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value))) {
      throw new CliError(`${where}: ${name} must be a number`);
    }
  }
  for (const name of ['heightM', 'bandwidthMHz', 'beamwidthDeg', 'radiusM']) {
    const value = properties[name];
    if (typeof value === 'number' && value <= 0) throw new CliError(`${where}: ${name} must be positive`);
  }
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [coordinates[0] as number, coordinates[1] as number] },
    properties: { ...properties, id: key } as SiteFeature['properties'],
  };
}
