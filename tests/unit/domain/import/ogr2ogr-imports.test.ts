/**
 * Issue 14, a real client the other way round: files that GDAL's ogr2ogr wrote — a GeoPackage, a
 * shapefile with a GBK .cpg, a CSV with X/Y columns — imported by the app's own import and compared
 * with what went in: count, ids, Chinese names and positions.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { expect, it } from 'vitest';
import { readShippedSampleInput } from '../../../../src/cli/shipped-city';
import { importFile } from '../../../../src/domain/import/import-file';
import type { ImportResult } from '../../../../src/domain/import/import-types';
import { bundleShapefileParts } from '../../../../src/domain/import/shapefile-parts';
import { generateSampleSites, SHIPPED_SITE_SEED } from '../../../../src/domain/sample';
import type { SiteCollection } from '../../../../src/domain/types';
import { describeWithGdal, GDAL_VERSION, ogr2ogr } from '../../support/gdal/gdal';
import { geography } from '../../support/import/load';

/** The shipped 2020 sample, generated as the app and `cli sample` generate it. */
const SAMPLE_2020 = generateSampleSites(readShippedSampleInput(), {
  seed: SHIPPED_SITE_SEED,
  year: 2020,
}) as SiteCollection;

const workspace = mkdtempSync(join(tmpdir(), 'gdal-imports-'));
const sample = SAMPLE_2020;
const sites = sample.features.slice(100, 140).map((site, index) => ({
  type: 'Feature' as const,
  geometry: site.geometry,
  properties: {
    站点ID: site.properties.id,
    名称: index === 0 ? '陆家嘴, "一号" 站' : site.properties.name,
    挂高: site.properties.heightM,
    频段: site.properties.band,
  },
}));
const source = join(workspace, 'sites.geojson');
writeFileSync(source, JSON.stringify({ type: 'FeatureCollection', features: sites }));

async function importBytes(name: string, bytes: Uint8Array): Promise<ImportResult> {
  const outcome = await importFile({ name, bytes }, { layer: 'sites', crs: 'wgs84' }, geography);
  if (!outcome.ok) throw new Error(`${name}: ${JSON.stringify(outcome.failure)}`);
  return outcome.result;
}

function expectRoundTrip(result: ImportResult): void {
  expect(result.rejected).toEqual([]);
  expect(result.features.map((feature) => feature.properties.id)).toEqual(
    sites.map((site) => site.properties.站点ID),
  );
  expect(result.features.map((feature) => (feature.properties as { name?: string }).name)).toEqual(
    sites.map((site) => site.properties.名称),
  );
  result.features.forEach((feature, index) => {
    const [lon, lat] = sites[index]!.geometry.coordinates;
    expect(Math.abs(feature.geometry.coordinates[0]! - lon!)).toBeLessThan(1e-7);
    expect(Math.abs(feature.geometry.coordinates[1]! - lat!)).toBeLessThan(1e-7);
  });
  expect(result.features[0]!.properties).toMatchObject({ heightM: sites[0]!.properties.挂高 });
}

describeWithGdal(`importing files written by ogr2ogr (${GDAL_VERSION ?? 'GDAL'})`, () => {
  it('a GeoPackage (with its spatial index) with a Chinese layer name', async () => {
    const path = join(workspace, 'sites.gpkg');
    ogr2ogr(['-f', 'GPKG', path, source, '-nln', '候选站点']);
    const result = await importBytes('sites.gpkg', new Uint8Array(readFileSync(path)));
    expect(result.format).toBe('geopackage');
    expectRoundTrip(result);
  });

  it('a shapefile in GBK with its .cpg, zipped and as loose parts', async () => {
    const directory = join(workspace, 'gbk');
    ogr2ogr(['-f', 'ESRI Shapefile', directory, source, '-nln', 'sites', '-lco', 'ENCODING=GBK']);
    const parts = readdirSync(directory).map((name) => ({
      name,
      bytes: new Uint8Array(readFileSync(join(directory, name))),
    }));
    const cpg = parts.find((part) => part.name.endsWith('.cpg'));
    expect(new TextDecoder().decode(cpg?.bytes)).toMatch(/GBK|936/i);
    // The names really are GBK on disk: 陆 is C2 BD in GBK.
    const dbf = parts.find((part) => part.name.endsWith('.dbf'))!.bytes;
    expect(Buffer.from(dbf).includes(Buffer.from([0xc2, 0xbd]))).toBe(true);
    const zipped = zipSync(Object.fromEntries(parts.map((part) => [part.name, part.bytes])));
    expectRoundTrip(await importBytes('sites.zip', zipped));
    const loose = bundleShapefileParts(parts);
    if (loose.kind !== 'bundle') throw new Error(loose.kind);
    expectRoundTrip(await importBytes(loose.name, loose.bytes));
  });

  it('a CSV with X and Y columns', async () => {
    const path = join(workspace, 'sites.csv');
    ogr2ogr(['-f', 'CSV', path, source, '-lco', 'GEOMETRY=AS_XY']);
    const result = await importBytes('sites.csv', new Uint8Array(readFileSync(path)));
    expect(result.mapping.columns.slice(0, 2)).toEqual(['X', 'Y']);
    expectRoundTrip(result);
  });
});
