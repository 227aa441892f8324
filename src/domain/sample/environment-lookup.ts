/**
 * Point lookups against the shipped land mask (one feature per district) and the nested environment
 * polygons, for the sample generators: which district's land holds a point, and how dense the place is.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { type PreparedPolygon, preparePolygon } from '../geo/prepared-polygon';
import type { DensityClass } from '../plan/district-facts';

export type EnvironmentPolygons = FeatureCollection<Polygon | MultiPolygon, { environment: DensityClass }>;
export type DistrictLand = FeatureCollection<Polygon | MultiPolygon, { adcode: string; name?: string }>;

/** Dense first: a point takes the first class whose polygon holds it, else rural. */
const LOOKUP_ORDER: readonly DensityClass[] = ['dense_urban', 'urban', 'suburban'];

/** The environment class at a point. */
export function createEnvironmentLookup(
  environment: EnvironmentPolygons,
): (lon: number, lat: number) => DensityClass {
  const prepared = LOOKUP_ORDER.map((densityClass) => {
    const geometries = environment.features
      .filter((feature) => feature.properties.environment === densityClass)
      .map((feature) => feature.geometry);
    return { densityClass, polygon: geometries.length > 0 ? preparePolygon(geometries) : undefined };
  });
  return (lon, lat) => {
    for (const { densityClass, polygon } of prepared) {
      if (polygon?.contains(lon, lat)) return densityClass;
    }
    return 'rural';
  };
}

export interface DistrictLandLookup {
  readonly adcodes: readonly string[];
  readonly polygons: readonly PreparedPolygon[];
  /** Index of the district whose land holds the point, or −1. */
  indexAt(lon: number, lat: number): number;
}

/** Which district's land holds a point (bounding boxes first, so most tests are one comparison). */
export function createDistrictLandLookup(land: DistrictLand): DistrictLandLookup {
  const adcodes = land.features.map((feature) => feature.properties.adcode);
  const polygons = land.features.map((feature) => preparePolygon(feature.geometry));
  return {
    adcodes,
    polygons,
    indexAt(lon, lat) {
      for (let index = 0; index < polygons.length; index++) {
        const [west, south, east, north] = polygons[index]!.bbox;
        if (lon < west || lon > east || lat < south || lat > north) continue;
        if (polygons[index]!.contains(lon, lat)) return index;
      }
      return -1;
    },
  };
}
