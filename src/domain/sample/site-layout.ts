/**
 * Where sample masts stand: jittered hexagonal lattices, one per layout tier, clipped to the tier's land.
 * A lattice with inter-site distance d puts one mast per d²·√3/2 of land, the layout radio planners start
 * from; the normal jitter (LATTICE_JITTER × d) stands for the sites a real network could actually lease.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { localMetresFrame, roundCoordinate } from '../geo/local-metres';
import { type PreparedPolygon, preparePolygon } from '../geo/prepared-polygon';
import type { SeededRandom } from '../geo/seeded-random';
import type { DensityClass } from '../plan/district-facts';
import { KEY_SUBURBAN_ZONE_IDS, LATTICE_JITTER, type LayoutTier } from './calibration';
import {
  createDistrictLandLookup,
  createEnvironmentLookup,
  type DistrictLand,
  type DistrictLandLookup,
  type EnvironmentPolygons,
} from './environment-lookup';

export type ZonePolygons = FeatureCollection<Polygon | MultiPolygon, { id: string }>;

export interface LayoutInput {
  /** data/geo/land-mask.geojson: one feature per district with `adcode` and `name`. */
  land: DistrictLand;
  /** data/geo/environment.geojson. */
  environment: EnvironmentPolygons;
  /** data/geo/plan-zones.geojson (only the key suburban areas are read). */
  zones: ZonePolygons;
}

/** A place on land: its district, environment and tier. */
export interface Place {
  lon: number;
  lat: number;
  district: number;
  environment: DensityClass;
  tier: LayoutTier;
}

export interface Layout {
  readonly districts: DistrictLandLookup;
  /** The place at a point, or undefined off the land mask. */
  placeAt(lon: number, lat: number): Place | undefined;
  /** [west, south, east, north] of the land. */
  readonly bbox: readonly [number, number, number, number];
}

/** Builds the lookups the layout needs once. */
export function createLayout(input: LayoutInput): Layout {
  const districts = createDistrictLandLookup(input.land);
  const environmentAt = createEnvironmentLookup(input.environment);
  const keyZones: PreparedPolygon | undefined = (() => {
    const geometries = input.zones.features
      .filter((zone) => (KEY_SUBURBAN_ZONE_IDS as readonly string[]).includes(zone.properties.id))
      .map((zone) => zone.geometry);
    return geometries.length > 0 ? preparePolygon(geometries) : undefined;
  })();
  let west = 180;
  let south = 90;
  let east = -180;
  let north = -90;
  for (const polygon of districts.polygons) {
    west = Math.min(west, polygon.bbox[0]);
    south = Math.min(south, polygon.bbox[1]);
    east = Math.max(east, polygon.bbox[2]);
    north = Math.max(north, polygon.bbox[3]);
  }
  return {
    districts,
    bbox: [west, south, east, north],
    placeAt(lon, lat) {
      const district = districts.indexAt(lon, lat);
      if (district < 0) return undefined;
      const environment = environmentAt(lon, lat);
      const open = environment === 'suburban' || environment === 'rural';
      const tier: LayoutTier = open && keyZones?.contains(lon, lat) ? 'key' : environment;
      return { lon, lat, district, environment, tier };
    },
  };
}

/**
 * The jittered hexagonal lattice of spacing isdM over the land, keeping the points whose place `accept`s
 * (and that lie on land). Rows run west to east from the north; the lattice origin is random.
 */
export function latticePlaces(
  layout: Layout,
  isdM: number,
  random: SeededRandom,
  accept: (place: Place) => boolean,
): Place[] {
  const [west, south, east, north] = layout.bbox;
  const frame = localMetresFrame((south + north) / 2);
  const rowStepM = (isdM * Math.sqrt(3)) / 2;
  const widthM = (east - west) * frame.metresPerDegreeLon;
  const heightM = (north - south) * frame.metresPerDegreeLat;
  const originX = random.next() * isdM;
  const originY = random.next() * rowStepM;
  const places: Place[] = [];
  for (let row = 0; originY + row * rowStepM <= heightM; row++) {
    const shift = row % 2 === 0 ? 0 : isdM / 2;
    for (let xM = originX + shift; xM <= widthM; xM += isdM) {
      // Drawn for every lattice point, kept or not, so a tier's masts do not depend on other tiers' land.
      const jitterX = random.normal() * LATTICE_JITTER * isdM;
      const jitterY = random.normal() * LATTICE_JITTER * isdM;
      const lon = roundCoordinate(west + (xM + jitterX) / frame.metresPerDegreeLon);
      const lat = roundCoordinate(north - (originY + row * rowStepM + jitterY) / frame.metresPerDegreeLat);
      const place = layout.placeAt(lon, lat);
      if (place && accept(place)) places.push(place);
    }
  }
  return places;
}

/** Hash of placed points by cell, for "is an existing mast nearer than d?" in metres. */
export class PlacedIndex {
  private readonly cells = new Map<number, [number, number][]>();
  private readonly frame = localMetresFrame(31.2);

  constructor(private readonly cellM: number) {}

  private toMetres(lon: number, lat: number): [number, number] {
    return [lon * this.frame.metresPerDegreeLon, lat * this.frame.metresPerDegreeLat];
  }

  private key(column: number, row: number): number {
    return row * 1_000_003 + column;
  }

  add(lon: number, lat: number): void {
    const [x, y] = this.toMetres(lon, lat);
    const key = this.key(Math.floor(x / this.cellM), Math.floor(y / this.cellM));
    const list = this.cells.get(key);
    if (list) list.push([x, y]);
    else this.cells.set(key, [[x, y]]);
  }

  nearerThan(lon: number, lat: number, distanceM: number): boolean {
    const [x, y] = this.toMetres(lon, lat);
    const column = Math.floor(x / this.cellM);
    const row = Math.floor(y / this.cellM);
    const reach = Math.ceil(distanceM / this.cellM);
    for (let r = row - reach; r <= row + reach; r++) {
      for (let c = column - reach; c <= column + reach; c++) {
        for (const [px, py] of this.cells.get(this.key(c, r)) ?? []) {
          if ((px - x) ** 2 + (py - y) ** 2 < distanceM ** 2) return true;
        }
      }
    }
    return false;
  }
}
