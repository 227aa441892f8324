/**
 * The synthetic drive test stays on dry land: the 1,500 samples around Huangpu's sites the calibration
 * e2e drops on the panel once put ~150 on the Huangpu river, and the import then showed its "many
 * points in water — check the coordinate system" hint for a file whose datum was right.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { readSampleSiteInput } from '../../../../scripts/sample-inputs';
import { readShippedGeoJson } from '../../../../src/cli/geo-files';
import { readShippedCity, readShippedDryLand } from '../../../../src/cli/shipped-city';
import { CoverageEngine } from '../../../../src/domain/coverage/coverage-engine';
import { buildMeasurements } from '../../../../src/domain/import/build-measurements';
import { prepareImportGeography } from '../../../../src/domain/import/geography';
import { readImportSource } from '../../../../src/domain/import/read-source';
import { generateSampleSites, SHIPPED_SITE_SEED } from '../../../../src/domain/sample';
import { synthesiseMeasurements } from '../../../../src/domain/sample/synthetic-measurements';
import type { DistrictCollection, SiteCollection } from '../../../../src/domain/types';

type Polygons = FeatureCollection<Polygon | MultiPolygon>;
const sites = generateSampleSites(readSampleSiteInput(), {
  seed: SHIPPED_SITE_SEED,
  year: 2020,
}) as SiteCollection;
const engine = new CoverageEngine(readShippedCity(), { mode: 'pathloss', cellM: 50 });
// What the app's import worker checks against (the CLI's calibrate reads the same files).
const geography = prepareImportGeography({
  districts: readShippedGeoJson<DistrictCollection>('districts.geojson'),
  land: readShippedGeoJson<Polygons>('land.geojson'),
  water: [readShippedGeoJson<Polygons>('sea.geojson'), readShippedGeoJson<Polygons>('water-bodies.geojson')],
});

/** The calibration e2e's file: 1,500 GCJ-02 samples around Huangpu's sites. */
async function importHuangpu(onDryLand: (lon: number, lat: number) => boolean) {
  const { csv } = synthesiseMeasurements(sites.features, engine.city, engine.settings, {
    count: 1500,
    seed: 17,
    sigmaDb: 6,
    crs: 'gcj02',
    truth: { dense_urban: { offsetDb: 8, slopeDbPerDecade: 0 } },
    aroundSite: (site) => site.properties.adcode === '310101',
    onDryLand,
  });
  const read = await readImportSource({ name: 'drive-test.csv', bytes: new TextEncoder().encode(csv) });
  if (!read.ok) throw new Error(JSON.stringify(read.failure));
  return buildMeasurements(read.source, { crs: 'gcj02' }, geography);
}

const inWater = (lon: number, lat: number) => !geography.onLand(lon, lat) || geography.inWater(lon, lat);

describe('synthetic drive tests', () => {
  it('keeps every sample on dry land, so the import raises no datum or water hint', async () => {
    const imported = await importHuangpu(readShippedDryLand());
    const { lon, lat, count } = imported.measurements;
    expect(count).toBe(1500);
    let wet = 0;
    for (let index = 0; index < count; index++) if (inWater(lon[index]!, lat[index]!)) wet++;
    // GCJ-02 → WGS84 is inverted to centimetres: a point kept on land stays on land.
    expect(wet).toBe(0);
    expect(imported.warnings.map((warning) => warning.code)).not.toContain('manyInWater');
    expect(imported.warnings.map((warning) => warning.code)).not.toContain('looksShifted');
  });

  it('without the dry-land test the same file puts a tenth of its points on the river (the hint the panel showed)', async () => {
    const imported = await importHuangpu(() => true);
    const { lon, lat, count } = imported.measurements;
    let wet = 0;
    for (let index = 0; index < count; index++) if (inWater(lon[index]!, lat[index]!)) wet++;
    expect(wet).toBeGreaterThan(100);
    expect(imported.warnings.map((warning) => warning.code)).toContain('manyInWater');
  });
});
