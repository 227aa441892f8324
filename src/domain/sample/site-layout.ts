/**
 * Where sample masts stand: jittered hexagonal lattices, one per layout tier, clipped to the tier's land.
 * A lattice with inter-site distance d puts one mast per d²·√3/2 of land, the layout radio planners start
 * from; the normal jitter (LATTICE_JITTER × d) stands for the sites a real network could actually lease.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { localMetresFrame, roundCoordinate } from '../geo/geodesy';
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

type Box = readonly [number, number, number, number];

export interface Layout {
  readonly districts: DistrictLandLookup;
  /** The place at a point, or undefined off the land mask. */
  placeAt(lon: number, lat: number): Place | undefined;
  /** [west, south, east, north] of the land. */
  readonly bbox: Box;
  /** Boxes outside which a tier never occurs (the pieces of its polygons), so lattices skip the rest. */
  windows(tier: LayoutTier): readonly Box[];
}

function piecesOf(geometries: (Polygon | MultiPolygon)[]): Box[] {
  const boxes: Box[] = [];
  for (const geometry of geometries) {
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const polygon of polygons) {
      let west = 180;
      let south = 90;
      let east = -180;
      let north = -90;
      for (const [lon, lat] of polygon[0]! as [number, number][]) {
        west = Math.min(west, lon);
        east = Math.max(east, lon);
        south = Math.min(south, lat);
        north = Math.max(north, lat);
      }
      boxes.push([west, south, east, north]);
    }
  }
  return boxes;
}

/** Builds the lookups the layout needs once. */
export function createLayout(input: LayoutInput): Layout {
  const districts = createDistrictLandLookup(input.land);
  const environmentAt = createEnvironmentLookup(input.environment);
  const keyZoneGeometries = input.zones.features
    .filter((zone) => (KEY_SUBURBAN_ZONE_IDS as readonly string[]).includes(zone.properties.id))
    .map((zone) => zone.geometry);
  const keyZones: PreparedPolygon | undefined =
    keyZoneGeometries.length > 0 ? preparePolygon(keyZoneGeometries) : undefined;
  const classPieces = (densityClass: DensityClass) =>
    piecesOf(
      input.environment.features
        .filter((feature) => feature.properties.environment === densityClass)
        .map((feature) => feature.geometry),
    );
  const windowsByTier: Partial<Record<LayoutTier, Box[]>> = {
    dense_urban: classPieces('dense_urban'),
    urban: classPieces('urban'),
    key: piecesOf(keyZoneGeometries),
  };
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
  const bbox: Box = [west, south, east, north];
  return {
    districts,
    bbox,
    windows: (tier) => windowsByTier[tier] ?? [bbox],
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

/** A uniform number in (0, 1) from a seed and three integers (an integer hash: any order of evaluation). */
function hashUnit(seed: number, row: number, column: number, draw: number): number {
  let hash = seed ^ Math.imul(row, 0x9e3779b1) ^ Math.imul(column, 0x85ebca77) ^ Math.imul(draw, 0xc2b2ae3d);
  hash = Math.imul(hash ^ (hash >>> 16), 0x7feb352d);
  hash = Math.imul(hash ^ (hash >>> 15), 0x846ca68b);
  hash ^= hash >>> 16;
  return ((hash >>> 0) + 0.5) / 4_294_967_296;
}

/** A standard normal number for a lattice point (Box–Muller over two hashed uniforms). */
function hashNormal(seed: number, row: number, column: number, draw: number): number {
  const radius = Math.sqrt(-2 * Math.log(hashUnit(seed, row, column, draw)));
  return radius * Math.cos(2 * Math.PI * hashUnit(seed, row, column, draw + 1));
}

/**
 * The jittered hexagonal lattice of spacing isdM over the land, keeping the points whose place the tier
 * `accept`s. Only lattice points within the tier's windows (widened by four jitter deviations) are
 * evaluated; each point's jitter comes from a hash of its row and column, so it does not depend on which
 * points were evaluated. Places come back row by row from the north, west to east.
 */
export function latticePlaces(
  layout: Layout,
  isdM: number,
  random: SeededRandom,
  tier: LayoutTier,
  accept: (place: Place) => boolean = (place) => place.tier === tier,
): Place[] {
  const [west, south, , north] = layout.bbox;
  const frame = localMetresFrame((south + north) / 2);
  const rowStepM = (isdM * Math.sqrt(3)) / 2;
  const originX = random.next() * isdM;
  const originY = random.next() * rowStepM;
  const jitterSeed = Math.floor(random.next() * 4_294_967_296);
  const marginM = 4 * LATTICE_JITTER * isdM;
  const candidates = new Set<number>();
  const COLUMNS = 1 << 20;
  for (const [boxWest, boxSouth, boxEast, boxNorth] of layout.windows(tier)) {
    const topM = (north - boxNorth) * frame.metresPerDegreeLat - marginM;
    const bottomM = (north - boxSouth) * frame.metresPerDegreeLat + marginM;
    const leftM = (boxWest - west) * frame.metresPerDegreeLon - marginM;
    const rightM = (boxEast - west) * frame.metresPerDegreeLon + marginM;
    const firstRow = Math.max(0, Math.ceil((topM - originY) / rowStepM));
    const lastRow = Math.floor((bottomM - originY) / rowStepM);
    for (let row = firstRow; row <= lastRow; row++) {
      const shift = originX + (row % 2 === 0 ? 0 : isdM / 2);
      const firstColumn = Math.max(0, Math.ceil((leftM - shift) / isdM));
      const lastColumn = Math.floor((rightM - shift) / isdM);
      for (let column = firstColumn; column <= lastColumn; column++) candidates.add(row * COLUMNS + column);
    }
  }
  const places: Place[] = [];
  for (const key of [...candidates].sort((a, b) => a - b)) {
    const row = Math.floor(key / COLUMNS);
    const column = key - row * COLUMNS;
    const xM = originX + (row % 2 === 0 ? 0 : isdM / 2) + column * isdM;
    const yM = originY + row * rowStepM;
    const jitterX = hashNormal(jitterSeed, row, column, 0) * LATTICE_JITTER * isdM;
    const jitterY = hashNormal(jitterSeed, row, column, 2) * LATTICE_JITTER * isdM;
    const lon = roundCoordinate(west + (xM + jitterX) / frame.metresPerDegreeLon);
    const lat = roundCoordinate(north - (yM + jitterY) / frame.metresPerDegreeLat);
    const place = layout.placeAt(lon, lat);
    if (place && accept(place)) places.push(place);
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
