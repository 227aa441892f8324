/**
 * Issue 14, a real client: every export opened with GDAL (ogrinfo / ogr2ogr, the library under QGIS)
 * — site GeoJSON, KML, CSV (X/Y), GeoPackage and the scenario's gaps — with the feature count, the
 * CRS, GEOS validity of every polygon and the Chinese text checked against what was written.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { readShippedSampleInput } from '../../../../src/cli/shipped-city';
import type { ZoneCollection } from '../../../../src/domain/coverage/city-raster';
import { CoverageEngine } from '../../../../src/domain/coverage/coverage-engine';
import { gapCollection } from '../../../../src/domain/coverage/report';
import { exportSitesCsv } from '../../../../src/domain/export/csv-export';
import { exportSitesGeoJson } from '../../../../src/domain/export/geojson-export';
import { geoPackageLayers } from '../../../../src/domain/export/geopackage-export';
import { exportSitesKml } from '../../../../src/domain/export/kml-export';
import { writeGeoPackage } from '../../../../src/domain/geopackage/gpkg-writer';
import { loadSqlite } from '../../../../src/domain/geopackage/sqlite-loader';
import { generateSampleSites, SHIPPED_SITE_SEED } from '../../../../src/domain/sample';
import type {
  DistrictCollection,
  PoleCollection,
  SiteCollection,
  SiteFeature,
} from '../../../../src/domain/types';
import {
  describeWithGdal,
  GDAL_VERSION,
  gdalSummary,
  gdalValidity,
  IN_CI,
  readWithGdal,
} from '../../support/gdal/gdal';

/** The shipped 2020 sample, generated as the app and `cli sample` generate it. */
const SAMPLE_2020 = generateSampleSites(readShippedSampleInput(), {
  seed: SHIPPED_SITE_SEED,
  year: 2020,
}) as SiteCollection;

const readGeo = <T>(name: string): T => JSON.parse(readFileSync(`data/geo/${name}`, 'utf8')) as T;
const workspace = mkdtempSync(join(tmpdir(), 'gdal-exports-'));
const write = (name: string, content: string | Uint8Array) => {
  const path = join(workspace, name);
  writeFileSync(path, content);
  return path;
};

/** Sample sites with planner attributes and names that test quoting and Chinese text. */
function sites(): SiteFeature[] {
  const sample = SAMPLE_2020.features.slice(0, 60);
  return sample.map((site, index) => ({
    ...site,
    properties: {
      ...site.properties,
      ...(index === 0 ? { name: '陆家嘴, "一号" 站' } : {}),
      ...(index === 1 ? { name: '徐家汇；二号站 <b>' } : {}),
      ...(index % 3 === 0 ? { azimuthDeg: (index * 37) % 360, beamwidthDeg: 65 } : {}),
    },
  }));
}

const names = (collection: FeatureCollection) =>
  collection.features.map((feature) => feature.properties?.name);
const positions = (collection: FeatureCollection) =>
  collection.features.map((feature) => (feature.geometry as Point).coordinates.slice(0, 2));

function expectSamePositions(actual: number[][], expected: readonly SiteFeature[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach(([lon, lat], index) => {
    const [wantLon, wantLat] = expected[index]!.geometry.coordinates;
    expect(Math.abs(lon! - wantLon!)).toBeLessThan(1e-7);
    expect(Math.abs(lat! - wantLat!)).toBeLessThan(1e-7);
  });
}

describe('GDAL is there when CI runs', () => {
  it.runIf(IN_CI)('ogrinfo and ogr2ogr are installed (.ci/run installs gdal-bin)', () => {
    expect(GDAL_VERSION, 'GDAL missing under CI=true').toBeDefined();
  });
});

/** The 2020 sample's gaps in radius mode: those among which GEOS found self-touching rings before. */
let sampleGaps: ReturnType<typeof gapCollection> | undefined;
function gaps2020(): ReturnType<typeof gapCollection> {
  if (sampleGaps) return sampleGaps;
  const engine = new CoverageEngine(
    {
      districts: readGeo<DistrictCollection>('districts.geojson'),
      metroStations: readGeo<FeatureCollection<Point>>('metro-stations.geojson'),
      land: readGeo<FeatureCollection<Polygon | MultiPolygon>>('land.geojson'),
      zones: readGeo<ZoneCollection>('plan-zones.geojson'),
    },
    { mode: 'radius' },
  );
  engine.computeAll(SAMPLE_2020.features);
  sampleGaps = gapCollection(engine);
  return sampleGaps;
}

describeWithGdal(`exports opened with ${GDAL_VERSION ?? 'GDAL'}`, () => {
  const siteList = sites();

  it('site GeoJSON: WGS84, every site, attributes and Chinese names intact', () => {
    const path = write('sites.geojson', exportSitesGeoJson(siteList));
    expect(gdalSummary(path)).toMatch(/Feature Count: 60[\s\S]*WGS 84/);
    const read = readWithGdal(path);
    expect(names(read)).toEqual(siteList.map((site) => site.properties.name));
    expectSamePositions(positions(read), siteList);
    expect(read.features[3]!.properties).toMatchObject({ azimuthDeg: 111, beamwidthDeg: 65, band: 'n78' });
  });

  it('KML: WGS84, every placemark, names and extended data intact', () => {
    const path = write('sites.kml', exportSitesKml(siteList, '方案 A'));
    // The document's name is the layer's name; the placemark name is GDAL's "Name" field.
    expect(gdalSummary(path)).toMatch(/Layer name: 方案 A[\s\S]*Feature Count: 60[\s\S]*WGS 84/);
    const read = readWithGdal(path);
    expect(read.features.map((feature) => feature.properties?.Name)).toEqual(
      siteList.map((site) => site.properties.name),
    );
    expectSamePositions(positions(read), siteList);
    expect(read.features[0]!.properties).toMatchObject({ id: siteList[0]!.properties.id, band: 'n41' });
  });

  it('CSV: the 经度/纬度 columns read as X/Y, the BOM and Chinese headers understood', () => {
    const path = write('sites.csv', exportSitesCsv(siteList));
    const options = ['X_POSSIBLE_NAMES=经度', 'Y_POSSIBLE_NAMES=纬度', 'AUTODETECT_TYPE=YES'];
    expect(gdalSummary(path, undefined, options)).toMatch(/Geometry: Point[\s\S]*Feature Count: 60/);
    const read = readWithGdal(path, undefined, options);
    expect(read.features.map((feature) => feature.properties?.名称)).toEqual(
      siteList.map((site) => site.properties.name),
    );
    expectSamePositions(positions(read), siteList);
  });

  it('GeoPackage: four layers in EPSG:4326, counts, valid polygons, Chinese text intact', async () => {
    const gaps = gaps2020();
    const poles = readGeo<PoleCollection>('sample-poles.geojson').features.slice(0, 25);
    const areas = [
      {
        id: 'A1',
        corners: [
          [121.45, 31.2],
          [121.47, 31.2],
          [121.47, 31.22],
          [121.45, 31.22],
        ] as [number, number][],
      },
      // Drawn clockwise: the export winds it counter-clockwise.
      {
        id: 'A2',
        corners: [
          [121.5, 31.25],
          [121.5, 31.27],
          [121.52, 31.27],
        ] as [number, number][],
      },
    ];
    const layers = geoPackageLayers({ sites: siteList, poles, gaps, candidateAreas: areas });
    const path = write(
      'scenario.gpkg',
      writeGeoPackage(await loadSqlite(), layers, '2026-01-01T00:00:00.000Z'),
    );
    for (const [layer, count, geometry] of [
      ['sites', 60, 'Point'],
      ['poles', 25, 'Point'],
      ['gaps', gaps.features.length, 'Multi Polygon'],
      ['candidate_areas', 2, 'Polygon'],
    ] as const) {
      const summary = gdalSummary(path, layer);
      expect(summary, layer).toContain(`Geometry: ${geometry}`);
      expect(summary, layer).toContain(`Feature Count: ${count}`);
      expect(summary, layer).toMatch(/WGS 84[\s\S]*ID\["EPSG",4326\]/);
    }
    // Hundreds of real gap outlines (the 2020 sample), so corner-touching holes and multi-part gaps occur.
    expect(gaps.features.length).toBeGreaterThan(200);
    expect(gdalValidity(path, 'gaps', 'geom')).toEqual({
      count: gaps.features.length,
      valid: gaps.features.length,
    });
    expect(gdalValidity(path, 'candidate_areas', 'geom')).toEqual({ count: 2, valid: 2 });
    const readSites = readWithGdal(path, 'sites');
    expect(names(readSites)).toEqual(siteList.map((site) => site.properties.name));
    expectSamePositions(positions(readSites), siteList);
    const readGaps = readWithGdal(path, 'gaps');
    expect(readGaps.features.map((gap) => gap.properties?.districtName)).toEqual(
      gaps.features.map((gap) => gap.properties.districtName),
    );
    // RFC 7946 winding as GDAL reads it back: the drawn-clockwise area is counter-clockwise now.
    const ring = (readWithGdal(path, 'candidate_areas').features[1]!.geometry as Polygon).coordinates[0]!;
    let doubled = 0;
    for (let index = 0; index + 1 < ring.length; index++) {
      doubled += ring[index]![0]! * ring[index + 1]![1]! - ring[index + 1]![0]! * ring[index]![1]!;
    }
    expect(doubled).toBeGreaterThan(0);
  });

  it('gaps as GeoJSON (the CLI’s gaps.geojson): every polygon valid for GEOS', () => {
    const gaps = gaps2020();
    const path = write('gaps.geojson', JSON.stringify(gaps));
    expect(gdalSummary(path)).toMatch(new RegExp(`Feature Count: ${gaps.features.length}[\\s\\S]*WGS 84`));
    expect(gdalValidity(path, 'gaps', 'geometry', 'sqlite')).toEqual({
      count: gaps.features.length,
      valid: gaps.features.length,
    });
  });
});
