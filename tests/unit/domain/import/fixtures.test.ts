import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../src/domain/import/import-file';
import type { ImportedSiteFeature, ImportResult } from '../../../../src/domain/import/import-types';
import { expectedFixtures, fixtureBytes, geography, parseXml } from '../../support/import/load';

const expected = expectedFixtures();
const siteNames = (result: ImportResult) =>
  (result.features as ImportedSiteFeature[]).map((feature) => feature.properties.name);

async function importFixture(name: string, crs = expected[name]!.options.crs): Promise<ImportResult> {
  const outcome = await importFile(
    { name, bytes: fixtureBytes(name) },
    { ...expected[name]!.options, crs, parseXml },
    geography,
  );
  if (!outcome.ok) throw new Error(`${name} failed: ${JSON.stringify(outcome.failure)}`);
  return outcome.result;
}

describe('every fixture imports to the truth it was generated from', () => {
  for (const name of Object.keys(expected)) {
    it(name, async () => {
      const want = expected[name]!;
      const result = await importFixture(name);
      expect(result.features.map((feature) => feature.properties.id)).toEqual(
        want.imported.map((site) => site.id),
      );
      result.features.forEach((feature, index) => {
        const truth = want.imported[index]!;
        const [lon, lat] = feature.geometry.coordinates;
        expect(Math.abs(lon! - truth.lon)).toBeLessThan(1e-6);
        expect(Math.abs(lat! - truth.lat)).toBeLessThan(1e-6);
        expect(feature.properties).toMatchObject(truth.properties);
      });
      expect(result.rejected).toEqual(want.rejected);
      expect(result.warnings.map((warning) => warning.code).sort()).toEqual([...want.warnings].sort());
    });
  }
});

describe('what a planner sees in the details', () => {
  it('GBK CSV: Chinese headers are recognised and decoded as GB18030', async () => {
    const result = await importFixture('sites-gbk-gcj02.csv');
    expect(result.mapping.columns).toContain('天线挂高(m)');
    expect(result.mapping.fields.height.column).toBe(result.mapping.columns.indexOf('天线挂高(m)'));
    expect(siteNames(result)[0]).toBe('测试站1号');
  });

  it('GCJ-02 left unconverted would put every site 0.3–0.7 km off', async () => {
    const right = await importFixture('sites-gbk-gcj02.csv');
    const wrong = await importFixture('sites-gbk-gcj02.csv', 'wgs84');
    const offsetsDeg = wrong.features.map((feature, index) =>
      Math.hypot(
        feature.geometry.coordinates[0]! - right.features[index]!.geometry.coordinates[0]!,
        feature.geometry.coordinates[1]! - right.features[index]!.geometry.coordinates[1]!,
      ),
    );
    for (const offset of offsetsDeg) expect(offset).toBeGreaterThan(0.003);
  });

  it('xlsx: the title row is skipped and rows keep their spreadsheet numbers', async () => {
    const outcome = await importFile(
      { name: 'sites-title-row.xlsx', bytes: fixtureBytes('sites-title-row.xlsx') },
      { layer: 'sites', crs: 'bd09', mapping: { lat: null } },
    );
    expect(outcome.ok && outcome.source.headerRowNumber).toBe(3);
    expect(outcome.ok && outcome.result.rejected.map((row) => row.row)).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('text that looks like markup or a formula stays exactly as written', async () => {
    const bom = await importFixture('sites-utf8-bom.csv');
    expect(siteNames(bom).slice(0, 3)).toEqual(['Site, "North"', '=HYPERLINK("x")', '<b>bold</b>']);
    const kml = await importFixture('sites.kml');
    expect(siteNames(kml)[2]).toBe('<i>斜体</i> & 站');
  });

  it('a GCJ-02 coastal list read as WGS84 is flagged as shifted, and not when read right', async () => {
    const wrong = await importFixture('coastal-gcj02.csv', 'wgs84');
    const shifted = wrong.warnings.find((warning) => warning.code === 'looksShifted');
    expect(shifted?.params?.suggestedCrs).toBe('gcj02');
    // Shifted 0.5 km out to sea they are still inside the boundary (with its waters): the warning,
    // not a rejection, is what tells the planner; two land beyond the south-west border, in Zhejiang.
    expect(wrong.features).toHaveLength(8);
    const right = await importFixture('coastal-gcj02.csv', 'gcj02');
    expect(right.warnings).toEqual([]);
    expect(right.features).toHaveLength(10);
  });

  it('swapped columns import once the user says so', async () => {
    const outcome = await importFile(
      { name: 'swapped.csv', bytes: fixtureBytes('swapped.csv') },
      { layer: 'sites', crs: 'wgs84', swapLatLon: true },
      geography,
    );
    expect(outcome.ok && outcome.result.features.length).toBe(4);
    expect(outcome.ok && outcome.result.warnings.map((warning) => warning.code)).not.toContain(
      'latLonSwapped',
    );
  });
});
