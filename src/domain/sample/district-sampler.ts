import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { roundCoordinate } from '../geo/geodesy';
import { type PreparedPolygon, preparePolygon } from '../geo/prepared-polygon';
import type { SeededRandom } from '../geo/seeded-random';
import type { DistrictCollection, DistrictFeature } from '../types';

/** What the sample generators read: district polygons, metro stations and (optionally) a land mask. */
export interface SampleInput {
  districts: DistrictCollection;
  metroStations: FeatureCollection<Point>;
  /**
   * Land outline. When given, points must also be on land: the Pudong and Chongming district
   * polygons include tidal flats, which the land outline leaves out.
   */
  land?: FeatureCollection<Polygon | MultiPolygon>;
}

/** Samples points inside one district's land: uniformly, or around its metro stations. */
export interface DistrictSampler {
  readonly district: DistrictFeature;
  readonly polygon: PreparedPolygon;
  readonly stationLon: readonly number[];
  readonly stationLat: readonly number[];
  /** True when (lon, lat) is inside the district and on land. */
  accepts(lon: number, lat: number): boolean;
  /** A uniform point over the district's land (bounding-box rejection). */
  sampleUniform(random: SeededRandom): [number, number];
  /** A point around a random station of the district with Gaussian decay; uniform if none. */
  sampleNearStation(random: SeededRandom, sigmaM: number): [number, number];
}

const MAX_ATTEMPTS = 100_000;
const NEAR_STATION_ATTEMPTS = 50;
const METRES_PER_DEGREE_LAT = 111_195;

/** Builds one sampler per district, in the input order. */
export function createDistrictSamplers(input: SampleInput): DistrictSampler[] {
  const land = input.land
    ? preparePolygon(input.land.features.map((feature) => feature.geometry))
    : undefined;
  const stations = input.metroStations.features.map((feature) => feature.geometry.coordinates);
  return input.districts.features.map((district) => {
    const polygon = preparePolygon(district.geometry);
    const accepts = (lon: number, lat: number): boolean =>
      polygon.contains(lon, lat) && (land === undefined || land.contains(lon, lat));
    const inside = stations.filter((position) => accepts(position[0]!, position[1]!));
    const stationLon = inside.map((position) => position[0]!);
    const stationLat = inside.map((position) => position[1]!);
    const [west, south, east, north] = polygon.bbox;
    const metresPerDegreeLon = METRES_PER_DEGREE_LAT * Math.cos((((south + north) / 2) * Math.PI) / 180);
    const sampleUniform = (random: SeededRandom): [number, number] => {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        // Rounded before the test, so the shipped 6-decimal position is the one that was accepted.
        const lon = roundCoordinate(random.between(west, east));
        const lat = roundCoordinate(random.between(south, north));
        if (accepts(lon, lat)) return [lon, lat];
      }
      throw new Error(`No land found inside district ${district.properties.adcode}`);
    };
    const sampleNearStation = (random: SeededRandom, sigmaM: number): [number, number] => {
      if (stationLon.length === 0) return sampleUniform(random);
      const station = random.integerBelow(stationLon.length);
      for (let attempt = 0; attempt < NEAR_STATION_ATTEMPTS; attempt++) {
        const lon = roundCoordinate(stationLon[station]! + (random.normal() * sigmaM) / metresPerDegreeLon);
        const lat = roundCoordinate(
          stationLat[station]! + (random.normal() * sigmaM) / METRES_PER_DEGREE_LAT,
        );
        if (accepts(lon, lat)) return [lon, lat];
      }
      return sampleUniform(random);
    };
    return { district, polygon, stationLon, stationLat, accepts, sampleUniform, sampleNearStation };
  });
}
