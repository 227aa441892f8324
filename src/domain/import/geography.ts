/**
 * The places an import checks positions against: Shanghai's administrative boundary with its waters
 * (inside Shanghai?), its districts (which adcode?), the land outline and water (does the point fall in
 * the sea or a river? — a hint about the datum only). Polygons are prepared once (banded edges) so
 * 100,000 rows take milliseconds. The land outline never decides what is imported.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { type NearestPolygonIndex, nearestPolygonIndex } from '../geo/nearest-polygon';
import { type PreparedPolygon, preparePolygon } from '../geo/prepared-polygon';
import { SHANGHAI_BBOX } from '../plan/district-facts';

export interface ImportGeographyData {
  districts: FeatureCollection<Polygon | MultiPolygon, { adcode: string }>;
  /**
   * Shanghai's administrative boundary with its waters (data/geo/admin-boundary.geojson): "inside
   * Shanghai" is tested against it, so a site on the shore, a pier or reclaimed land beyond the district
   * polygons is inside, and takes the nearest district. Without it, the district polygons decide.
   */
  boundary?: FeatureCollection<Polygon | MultiPolygon>;
  /** Land outline (data/geo/land.geojson): a point outside it is in the sea, the estuary or another province. */
  land?: FeatureCollection<Polygon | MultiPolygon>;
  /** Sea and inland water (sea.geojson, water-bodies.geojson): only for the "many in water" count. */
  water?: FeatureCollection<Polygon | MultiPolygon>[];
}

export interface ImportGeography {
  /**
   * Adcode of the district holding the point, or for a point inside the administrative boundary but
   * outside every district polygon (the shore, the estuary), of the nearest district; undefined
   * outside Shanghai.
   */
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
  const boundary = data.boundary ? prepareEach(data.boundary) : [];
  const containsAny = (polygons: readonly PreparedPolygon[], lon: number, lat: number) =>
    polygons.some((polygon) => inBox(polygon.bbox, lon, lat) && polygon.contains(lon, lat));
  let nearest: NearestPolygonIndex | undefined;
  return {
    districtAt(lon, lat) {
      const holding = districts.find(
        ({ polygon }) => inBox(polygon.bbox, lon, lat) && polygon.contains(lon, lat),
      );
      if (holding) return holding.adcode;
      if (!containsAny(boundary, lon, lat)) return undefined;
      nearest ??= nearestPolygonIndex(data.districts.features.map((feature) => feature.geometry));
      const found = nearest.nearest(lon, lat);
      return found ? districts[found.index]!.adcode : undefined;
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
