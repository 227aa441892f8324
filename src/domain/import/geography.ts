/**
 * The places an import checks positions against: Shanghai's districts (inside Shanghai? which
 * adcode?), the land outline and water (does the point fall in the sea or a river?). Polygons are
 * prepared once (banded edges) so 100,000 rows take milliseconds.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { type PreparedPolygon, preparePolygon } from '../geo/prepared-polygon';
import { SHANGHAI_BBOX } from '../plan/district-facts';

export interface ImportGeographyData {
  districts: FeatureCollection<Polygon | MultiPolygon, { adcode: string }>;
  /** Land outline (data/geo/land.geojson): a point outside it is in the sea, the estuary or another province. */
  land?: FeatureCollection<Polygon | MultiPolygon>;
  /** Sea and inland water (sea.geojson, water-bodies.geojson): only for the "many in water" count. */
  water?: FeatureCollection<Polygon | MultiPolygon>[];
}

export interface ImportGeography {
  /** Adcode of the district holding the point; undefined outside Shanghai. */
  districtAt(lon: number, lat: number): string | undefined;
  /** False when the point is off the land outline (sea, estuary, beyond the border); true without data. */
  onLand(lon: number, lat: number): boolean;
  /** True when the point is in the sea or inland water. */
  inWater(lon: number, lat: number): boolean;
  readonly hasLand: boolean;
}

function inBox(box: readonly [number, number, number, number], lon: number, lat: number): boolean {
  return lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3];
}

function prepareEach(collection: FeatureCollection<Polygon | MultiPolygon>): PreparedPolygon[] {
  return collection.features
    .filter((feature: Feature<Polygon | MultiPolygon>) => feature.geometry)
    .map((feature) => preparePolygon(feature.geometry));
}

/** Prepares the polygons once for many point tests. */
export function prepareImportGeography(data: ImportGeographyData): ImportGeography {
  const districts = data.districts.features.map((feature) => ({
    adcode: String(feature.properties?.adcode ?? ''),
    polygon: preparePolygon(feature.geometry),
  }));
  const land = data.land ? prepareEach(data.land) : [];
  const water = (data.water ?? []).flatMap(prepareEach);
  const containsAny = (polygons: readonly PreparedPolygon[], lon: number, lat: number) =>
    polygons.some((polygon) => inBox(polygon.bbox, lon, lat) && polygon.contains(lon, lat));
  return {
    districtAt(lon, lat) {
      return districts.find(({ polygon }) => inBox(polygon.bbox, lon, lat) && polygon.contains(lon, lat))
        ?.adcode;
    },
    onLand: (lon, lat) => land.length === 0 || containsAny(land, lon, lat),
    inWater: (lon, lat) => containsAny(water, lon, lat),
    hasLand: land.length > 0,
  };
}

/** The fallback without geography: inside Shanghai's bounding box. */
export function insideShanghaiBox(lon: number, lat: number): boolean {
  return inBox(SHANGHAI_BBOX, lon, lat);
}
