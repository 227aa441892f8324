/**
 * The static layers of the city on the grid, built once per cell size: district index per cell (0 = not
 * land), environment class per cell, plan-zone runs and priority weights, and land areas.
 * Land = inside a district polygon, inside the land mask when one is given (data/geo/land-mask.geojson
 * leaves out tidal flats and estuary water) and not inside the sea mask.
 */
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { type DensityClass, districtFacts } from '../plan/district-facts';
import type { DistrictCollection } from '../types';
import { columnOf, createGrid, type GridGeometry, rowOf } from './grid';
import { buildLandRuns } from './land-runs';
import { type CellRuns, fillRuns, rasterisePolygon, runsBounds } from './polygon-runs';
import { type CoverageSettings, DENSITY_CLASSES } from './settings';

/** Any polygon zone with an id; `kind` selects a default weight, `weight` overrides it. */
export type ZoneCollection = FeatureCollection<
  Polygon | MultiPolygon,
  { id: string; name?: string; kind?: string; weight?: number }
>;

export interface CityInput {
  districts: DistrictCollection;
  metroStations: FeatureCollection<Point>;
  zones?: ZoneCollection;
  /** Land mask: when given, only cells inside it count as land (district polygons include tidal flats). */
  land?: FeatureCollection<Polygon | MultiPolygon>;
  /**
   * Environment classes as nested polygons (data/geo/environment.geojson): each holds every place at least
   * as dense as its class; land outside all of them is rural. Without it a cell takes its district's class,
   * raised one class within `metroUpliftM` of a metro station.
   */
  environment?: FeatureCollection<Polygon | MultiPolygon, { environment: DensityClass }>;
  /** Sea mask: when given, cells inside it are never land. */
  sea?: FeatureCollection<Polygon | MultiPolygon>;
}

export interface DistrictInfo {
  adcode: string;
  name: string;
  /** People per km² (census population over the official area). */
  populationDensity: number;
  densityClass: DensityClass;
  landKm2: number;
  /** The official area (districts.geojson `area_km2_official`), km²; undefined when the file has none. */
  officialKm2: number | undefined;
}

export interface ZoneInfo {
  id: string;
  name: string;
  kind: string;
  weight: number;
  runs: CellRuns;
  /** The zone's land cells as runs (triples row, first, last column, in row order). */
  landRuns: Int32Array;
  bounds: { row0: number; row1: number; column0: number; column1: number } | undefined;
  landKm2: number;
}

export interface CityRaster {
  grid: GridGeometry;
  /** 1-based district index per cell; 0 = sea or outside Shanghai. */
  district: Uint8Array;
  /** Index into DENSITY_CLASSES per cell. */
  environment: Uint8Array;
  /**
   * Priority weight per cell (1 outside every zone, the largest zone weight inside) as a code into
   * `zoneWeights`: a byte per cell instead of a float (17 MB less at 50 m); read it with `zoneWeightAt`.
   */
  zoneWeightCode: Uint8Array;
  /** The distinct zone weights; code 0 is 1 (no zone). */
  zoneWeights: Float32Array;
  /**
   * The cells of weight other than 1 as runs: triples (firstColumn, lastColumn, code) in column order,
   * row r's runs at [zoneWeightRowStart[r], zoneWeightRowStart[r + 1]) (in triples). A gap's weighted
   * area is its area plus (weight − 1) × the area it shares with these runs.
   */
  zoneWeightRuns: Int32Array;
  zoneWeightRowStart: Int32Array;
  districts: DistrictInfo[];
  zones: ZoneInfo[];
  landKm2: number;
  /** Land runs (row, first, last, 1-based district), see land-runs.ts. */
  landRuns: Int32Array;
  /** Whether any zone weight differs from 1 (lets gap labelling skip the per-cell weight sum). */
  hasZoneWeights: boolean;
}

function geometryBounds(collection: DistrictCollection): [number, number, number, number] {
  let west = 180;
  let south = 90;
  let east = -180;
  let north = -90;
  const visit = (positions: unknown): void => {
    if (typeof (positions as number[])[0] === 'number') {
      const [lon, lat] = positions as [number, number];
      west = Math.min(west, lon);
      east = Math.max(east, lon);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
      return;
    }
    for (const child of positions as unknown[]) visit(child);
  };
  for (const feature of collection.features) visit(feature.geometry.coordinates);
  return [west, south, east, north];
}

/** Rasterise districts, sea, environment and zones for one cell size. */
export function buildCityRaster(input: CityInput, settings: CoverageSettings): CityRaster {
  const grid = createGrid(geometryBounds(input.districts), settings.cellM);
  const district = new Uint8Array(grid.cellCount);
  const districts: DistrictInfo[] = input.districts.features.map((feature, index) => {
    fillRuns(district, grid.columns, rasterisePolygon(grid, feature.geometry), index + 1);
    const facts = districtFacts(feature.properties.adcode);
    const areaKm2 = feature.properties.area_km2_official || feature.properties.area_km2_polygon || 1;
    return {
      adcode: feature.properties.adcode,
      name: feature.properties.name,
      populationDensity: facts ? (facts.population10k * 1e4) / areaKm2 : 0,
      densityClass: facts?.densityClass ?? 'suburban',
      officialKm2: feature.properties.area_km2_official || undefined,
      landKm2: 0,
    };
  });
  if (input.land) {
    const onLand = new Uint8Array(grid.cellCount);
    for (const feature of input.land.features) {
      fillRuns(onLand, grid.columns, rasterisePolygon(grid, feature.geometry), 1);
    }
    for (let cell = 0; cell < grid.cellCount; cell++) if (onLand[cell] === 0) district[cell] = 0;
  }
  for (const feature of input.sea?.features ?? []) {
    fillRuns(district, grid.columns, rasterisePolygon(grid, feature.geometry), 0);
  }
  const environment = new Uint8Array(grid.cellCount).fill(DENSITY_CLASSES.indexOf('rural'));
  let landKm2 = 0;
  for (let row = 0; row < grid.rows; row++) {
    const area = grid.rowCellAreaKm2[row]!;
    for (let cell = row * grid.columns, end = cell + grid.columns; cell < end; cell++) {
      const index = district[cell]!;
      if (index === 0) continue;
      const info = districts[index - 1]!;
      info.landKm2 += area;
      landKm2 += area;
      environment[cell] = DENSITY_CLASSES.indexOf(info.densityClass);
    }
  }
  if (input.environment) applyEnvironmentPolygons(grid, district, environment, input.environment);
  else upliftNearStations(grid, district, environment, input.metroStations, settings.metroUpliftM);
  const zoneWeightCode = new Uint8Array(grid.cellCount);
  const weightCodes = new ZoneWeightCodes();
  const zones: ZoneInfo[] = (input.zones?.features ?? []).map((feature) => {
    const runs = rasterisePolygon(grid, feature.geometry);
    const kind = feature.properties.kind ?? 'zone';
    const weight = feature.properties.weight ?? settings.zoneWeights[kind] ?? 1;
    const code = weightCodes.codeOf(weight);
    let zoneLandKm2 = 0;
    const landRuns: number[] = [];
    for (let index = 0; index < runs.length; index += 3) {
      const row = runs[index]!;
      const start = row * grid.columns;
      let landFrom = -1;
      for (let column = runs[index + 1]!; column <= runs[index + 2]! + 1; column++) {
        const cell = start + column;
        const land = column <= runs[index + 2]! && district[cell] !== 0;
        if (!land) {
          if (landFrom >= 0) landRuns.push(row, landFrom, column - 1);
          landFrom = -1;
          continue;
        }
        if (landFrom < 0) landFrom = column;
        zoneLandKm2 += grid.rowCellAreaKm2[row]!;
        if (weight > weightCodes.weights[zoneWeightCode[cell]!]!) zoneWeightCode[cell] = code;
      }
    }
    return {
      id: feature.properties.id,
      name: feature.properties.name ?? feature.properties.id,
      kind,
      weight,
      runs,
      landRuns: Int32Array.from(landRuns),
      bounds: runsBounds(runs),
      landKm2: zoneLandKm2,
    };
  });
  const landRuns = buildLandRuns(grid, district);
  const hasZoneWeights = zones.some((zone) => zone.weight !== 1 && zone.runs.length > 0);
  const { runs: zoneWeightRuns, rowStart: zoneWeightRowStart } = codeRuns(grid, zoneWeightCode);
  const zoneWeights = Float32Array.from(weightCodes.weights);
  return {
    grid,
    district,
    environment,
    zoneWeightCode,
    zoneWeights,
    zoneWeightRuns,
    zoneWeightRowStart,
    districts,
    zones,
    landKm2,
    landRuns,
    hasZoneWeights,
  };
}

/** Runs of non-zero codes per row (see CityRaster.zoneWeightRuns). */
function codeRuns(grid: GridGeometry, codes: Uint8Array): { runs: Int32Array; rowStart: Int32Array } {
  const runs: number[] = [];
  const rowStart = new Int32Array(grid.rows + 1);
  for (let row = 0; row < grid.rows; row++) {
    rowStart[row] = runs.length / 3;
    const start = row * grid.columns;
    for (let column = 0; column < grid.columns; column++) {
      const code = codes[start + column]!;
      if (code === 0) continue;
      const first = column;
      while (column + 1 < grid.columns && codes[start + column + 1] === code) column++;
      runs.push(first, column, code);
    }
  }
  rowStart[grid.rows] = runs.length / 3;
  return { runs: Int32Array.from(runs), rowStart };
}

/** The priority weight of a cell. */
export const zoneWeightAt = (
  city: Pick<CityRaster, 'zoneWeightCode' | 'zoneWeights'>,
  cell: number,
): number => city.zoneWeights[city.zoneWeightCode[cell]!]!;

/**
 * Codes for zone weights, 0 being the weight 1. A city has a handful of distinct weights; past 255 a
 * weight takes the code of the nearest one already coded rather than failing.
 */
class ZoneWeightCodes {
  readonly weights: number[] = [1];

  codeOf(weight: number): number {
    const known = this.weights.indexOf(weight);
    if (known >= 0) return known;
    if (this.weights.length < 256) return this.weights.push(weight) - 1;
    let nearest = 0;
    this.weights.forEach((candidate, code) => {
      if (Math.abs(candidate - weight) < Math.abs(this.weights[nearest]! - weight)) nearest = code;
    });
    return nearest;
  }
}

/** Nesting order of the environment polygons: each class overwrites the one before it. */
const ENVIRONMENT_NESTING: readonly DensityClass[] = ['suburban', 'urban', 'dense_urban'];

/** Land starts rural; each nested class polygon then raises the cells it holds. */
function applyEnvironmentPolygons(
  grid: GridGeometry,
  district: Uint8Array,
  environment: Uint8Array,
  polygons: NonNullable<CityInput['environment']>,
): void {
  environment.fill(DENSITY_CLASSES.indexOf('rural'));
  for (const densityClass of ENVIRONMENT_NESTING) {
    const code = DENSITY_CLASSES.indexOf(densityClass);
    for (const feature of polygons.features) {
      if (feature.properties.environment !== densityClass) continue;
      const runs = rasterisePolygon(grid, feature.geometry);
      for (let index = 0; index < runs.length; index += 3) {
        const start = runs[index]! * grid.columns;
        for (let cell = start + runs[index + 1]!, end = start + runs[index + 2]!; cell <= end; cell++) {
          if (district[cell] !== 0) environment[cell] = code;
        }
      }
    }
  }
}

/** Metro stations mark built-up centres: land within upliftM of one is raised one density class. */
function upliftNearStations(
  grid: GridGeometry,
  district: Uint8Array,
  environment: Uint8Array,
  stations: FeatureCollection<Point>,
  upliftM: number,
): void {
  if (upliftM <= 0) return;
  const raised = new Uint8Array(grid.cellCount);
  const rowReach = Math.ceil(upliftM / grid.cellM);
  for (const station of stations.features) {
    const [lon, lat] = station.geometry.coordinates as [number, number];
    const centreColumn = columnOf(grid, lon);
    const centreRow = rowOf(grid, lat);
    for (
      let row = Math.max(0, centreRow - rowReach);
      row <= Math.min(grid.rows - 1, centreRow + rowReach);
      row++
    ) {
      const dyM = (row - centreRow) * grid.cellM;
      const halfWidthM = Math.sqrt(Math.max(0, upliftM * upliftM - dyM * dyM));
      const reach = Math.floor(halfWidthM / grid.rowCellWidthM[row]!);
      const first = Math.max(0, centreColumn - reach);
      const last = Math.min(grid.columns - 1, centreColumn + reach);
      if (first <= last) raised.fill(1, row * grid.columns + first, row * grid.columns + last + 1);
    }
  }
  for (let cell = 0; cell < grid.cellCount; cell++) {
    if (raised[cell] === 1 && district[cell] !== 0 && environment[cell]! > 0)
      environment[cell] = environment[cell]! - 1;
  }
}
