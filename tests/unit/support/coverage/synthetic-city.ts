/** A small synthetic city for engine tests: two adjoining districts, an island, a bite of sea, one station. */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { ZoneCollection } from '../../../../src/domain/coverage/city-raster';
import type { DistrictCollection, SiteFeature, SiteProperties } from '../../../../src/domain/types';

const box = (west: number, south: number, east: number, north: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [east, south],
      [east, north],
      [west, north],
      [west, south],
    ],
  ],
});

const district = (
  adcode: string,
  name: string,
  geometry: Polygon,
): DistrictCollection['features'][number] => ({
  type: 'Feature',
  properties: { adcode, name, name_en: name, area_km2_official: 100, area_km2_polygon: 100 },
  geometry,
});

export const HUANGPU_BOX = [121.4, 31.2, 121.46, 31.26] as const;
export const PUDONG_BOX = [121.46, 31.2, 121.52, 31.26] as const;
export const ISLAND_BOX = [121.6, 31.3, 121.62, 31.32] as const;
export const SEA_BOX = [121.5, 31.19, 121.53, 31.22] as const;

export const districts: DistrictCollection = {
  type: 'FeatureCollection',
  features: [
    district('310101', 'Huangpu', box(...HUANGPU_BOX)),
    district('310115', 'Pudong', box(...PUDONG_BOX)),
    district('310151', 'Chongming', box(...ISLAND_BOX)),
  ],
};

export const sea: FeatureCollection<Polygon | MultiPolygon> = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: {}, geometry: box(...SEA_BOX) }],
};

export const metroStations: FeatureCollection<Point> = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [121.43, 31.23] } }],
};

export const islandZone: ZoneCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { id: 'island', kind: 'key_area' }, geometry: box(...ISLAND_BOX) },
  ],
};

export const city = { districts, metroStations, sea };

/** A site feature at lon/lat with properties. */
export function site(
  id: string,
  lon: number,
  lat: number,
  properties: Partial<SiteProperties> = {},
): SiteFeature {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [lon, lat] },
    properties: { id, ...properties },
  };
}

export type { Feature };
