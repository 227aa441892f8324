/** Shared helpers for the import tests: fixture bytes, expected results, shipped geography, an XML parser. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ExpectedFixture } from '../../../../scripts/make-import-fixtures';
import { prepareImportGeography } from '../../../../src/domain/import/geography';
import { createXmldomParser } from '../../../../src/domain/import/xmldom-parser';

export const FIXTURE_DIRECTORY = 'tests/fixtures/import';

/** A committed fixture's bytes. */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURE_DIRECTORY, name)));
}

/** expected.json as written by scripts/make-import-fixtures.ts. */
export function expectedFixtures(): Record<string, ExpectedFixture> {
  return JSON.parse(readFileSync(join(FIXTURE_DIRECTORY, 'expected.json'), 'utf8'));
}

type Polygons = FeatureCollection<Polygon | MultiPolygon>;
const readGeo = <T>(name: string): T => JSON.parse(readFileSync(join('data/geo', name), 'utf8')) as T;

/** The same geography the CLI and the app use. */
export const geography = prepareImportGeography({
  districts: readGeo('districts.geojson'),
  boundary: readGeo<Polygons>('admin-boundary.geojson'),
  land: readGeo<Polygons>('land.geojson'),
  water: [readGeo<Polygons>('sea.geojson'), readGeo<Polygons>('water-bodies.geojson')],
});

export const parseXml = createXmldomParser();

/** Metres between two WGS84 points (equirectangular; exact enough below a kilometre). */
export function metresBetween(a: readonly number[], b: readonly number[]): number {
  const latitudeRad = (((a[1]! + b[1]!) / 2) * Math.PI) / 180;
  const dx = ((b[0]! - a[0]!) * Math.PI * 6_371_008.8 * Math.cos(latitudeRad)) / 180;
  const dy = ((b[1]! - a[1]!) * Math.PI * 6_371_008.8) / 180;
  return Math.hypot(dx, dy);
}
