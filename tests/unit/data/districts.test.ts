import { readdirSync, readFileSync } from 'node:fs';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import kinks from '@turf/kinks';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { DISTRICT_FACTS, SHANGHAI_BBOX } from '../../../src/domain/plan/district-facts';
import type { DistrictCollection } from '../../../src/domain/types';

const directory = 'data/geo';
const read = (fileName: string) => JSON.parse(readFileSync(`${directory}/${fileName}`, 'utf8'));
const districts = read('districts.geojson') as DistrictCollection;
const geojsonFiles = readdirSync(directory).filter((fileName) => fileName.endsWith('.geojson'));

/**
 * land.geojson keeps two offshore islets east of SHANGHAI_BBOX: 佘山岛 (~122.24° E) and a reef at
 * ~122.26° E. Only for that file the east edge is widened, by 0.1°, and only there.
 */
const EAST_EDGE_EXCEPTIONS: Record<string, number> = { 'land.geojson': SHANGHAI_BBOX[2] + 0.1 };

/** Properties each shipped file documents in SOURCES.md (present on every feature). */
const DOCUMENTED_PROPERTIES: Record<string, string[]> = {
  'districts.geojson': ['adcode', 'name', 'name_en', 'area_km2_polygon', 'area_km2_official'],
  'metro-lines.geojson': ['line', 'color'],
  'metro-stations.geojson': ['name', 'pinyin', 'lines', 'interchange'],
  'planning-zone-centres.geojson': ['id', 'name', 'name_en', 'area_km2_official', 'coord_precision'],
  'digital-infrastructure.geojson': ['name', 'name_en', 'coord_precision'],
  'plan-zones.geojson': ['id', 'kind', 'name', 'name_en', 'adcodes', 'approximate', 'precision'],
  'district-labels.geojson': ['adcode', 'name', 'name_en'],
  'sample-poles.geojson': ['id', 'heightM', 'adcode', 'synthetic'],
  'land-mask.geojson': ['adcode', 'name', 'areaKm2', 'area_km2_official'],
  'foreshore.geojson': ['areaKm2'],
  'environment.geojson': ['environment', 'classAreaKm2'],
  'admin-boundary.geojson': ['name', 'osm_relation', 'osm_version', 'osm_timestamp'],
  'land.geojson': ['source', 'license', 'attribution', 'retrievedAt'],
  'sea.geojson': ['kind'],
  'water-bodies.geojson': ['kind'],
  'rivers.geojson': ['kind'],
};

it('names the documented properties of every shipped file (a new file is added to the table above)', () => {
  expect(geojsonFiles.filter((fileName) => !(fileName in DOCUMENTED_PROPERTIES))).toEqual([]);
});

function positionsOf(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
    default:
      return geometry.geometries.flatMap(positionsOf);
  }
}

function ringsOf(geometry: Geometry): Position[][] {
  if (geometry.type === 'Polygon') return geometry.coordinates;
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat();
  return [];
}

describe('data/geo/districts.geojson', () => {
  it('holds the 16 districts with unique adcodes matching the district facts', () => {
    const adcodes = districts.features.map((feature) => feature.properties.adcode);
    expect(adcodes).toHaveLength(16);
    expect(new Set(adcodes).size).toBe(16);
    expect([...adcodes].sort()).toEqual(DISTRICT_FACTS.map((facts) => facts.adcode).sort());
  });

  it('has no self-intersecting district', () => {
    for (const district of districts.features) {
      expect(kinks(district).features, district.properties.name).toHaveLength(0);
    }
  });

  it('puts the Bund in Huangpu and Lujiazui in Pudong (sanity of the polygons)', () => {
    const holder = (lon: number, lat: number) =>
      districts.features.find((district) => booleanPointInPolygon([lon, lat], district))?.properties.name;
    expect(holder(121.486, 31.2395)).toBe('黄浦区');
    expect(holder(121.5055, 31.2335)).toBe('浦东新区');
  });
});

describe.each(geojsonFiles)('data/geo/%s', (fileName) => {
  const collection = read(fileName) as FeatureCollection & { metadata?: unknown };

  it('is a FeatureCollection of features with geometry', () => {
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features.length).toBeGreaterThan(0);
    for (const feature of collection.features as Feature[]) {
      expect(feature.type).toBe('Feature');
      expect(feature.geometry).toBeTruthy();
    }
  });

  it("lies inside Shanghai's bounding box", () => {
    const [west, south, east, north] = SHANGHAI_BBOX;
    const eastEdge = EAST_EDGE_EXCEPTIONS[fileName] ?? east;
    const outside = collection.features
      .flatMap((feature) => positionsOf(feature.geometry))
      .filter(([lon, lat]) => !(lon! >= west && lon! <= eastEdge && lat! >= south && lat! <= north));
    expect(outside).toEqual([]);
  });

  it('has closed polygon rings of at least 4 positions', () => {
    for (const feature of collection.features) {
      for (const ring of ringsOf(feature.geometry)) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[ring.length - 1]).toEqual(ring[0]);
      }
    }
  });

  it('carries its documented properties on every feature', () => {
    const missing = collection.features.flatMap((feature, index) =>
      DOCUMENTED_PROPERTIES[fileName]!.filter((property) => !(property in (feature.properties ?? {}))).map(
        (property) => `feature ${index}: ${property}`,
      ),
    );
    expect(missing).toEqual([]);
  });
});
