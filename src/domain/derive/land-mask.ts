/**
 * The land mask for coverage statistics: district polygons ∩ the OSM land outline, minus the sea, minus
 * foreshore. The OSM outline (the administrative line trimmed to the OpenMapTiles ocean) still holds the
 * Yangtze estuary where OpenMapTiles classes it as river, tidal flats and shoals such as 九段沙, and
 * reclamation not yet built on. A cell is foreshore when all three hold:
 *   1. no major road (OSM motorway … secondary) passes within ROAD_REACH_M of it;
 *   2. Natural Earth's 1:10m land, an independent outline, does not hold it;
 *   3. it reaches the water through such cells (4-connected), so inland fields far from a road stay land.
 * The rule and its figures are in data/geo/SOURCES.md ("Land mask").
 */
import area from '@turf/area';
import difference from '@turf/difference';
import { featureCollection, feature as turfFeature } from '@turf/helpers';
import intersect from '@turf/intersect';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { createGrid, type GridGeometry } from '../coverage/grid';
import type { DistrictCollection } from '../types';
import { burnLines, chamferDistanceM, floodFill, polygonMask, traceMaskPolygons } from './raster-tools';

/** A foreshore cell has no major road within this distance, metres. */
export const ROAD_REACH_M = 600;
/** Grid the rule runs on, metres (the engine's default cell). */
export const LAND_MASK_CELL_M = 50;
/** Foreshore polygons are traced with this Douglas–Peucker tolerance, metres. */
const TRACE_SIMPLIFY_M = 40;
/** Foreshore pieces smaller than this are not written, km². */
const MIN_FORESHORE_KM2 = 0.05;

type Polygons = FeatureCollection<Polygon | MultiPolygon>;

export interface LandMaskInput {
  districts: DistrictCollection;
  /** data/geo/land.geojson: OSM relation 913067 trimmed to the OpenMapTiles ocean. */
  land: Polygons;
  /** data/geo/sea.geojson: OpenMapTiles ocean. */
  sea: Polygons;
  /** data/sources/naturalearth-land.geojson. */
  naturalEarthLand: Polygons;
  /** data/sources/roads-major.geojson: one MultiLineString per OSM highway class. */
  roads: FeatureCollection<MultiLineString, { highway: string }>;
}

export interface LandMaskProperties {
  adcode: string;
  name: string;
  /** Geodesic area of the district's land, km² (Turf), 2 decimals. */
  areaKm2: number;
  /** The official figure from districts.geojson, km² (for comparison; see SOURCES.md). */
  area_km2_official: number;
}

export interface ForeshoreProperties {
  /** Area of the piece's cells on the rule's grid, km² (before tracing). */
  areaKm2: number;
}

export interface LandMaskResult {
  /** Land for statistics, one MultiPolygon per district: district ∩ land outline, minus the foreshore. */
  mask: FeatureCollection<MultiPolygon, LandMaskProperties>;
  /** What the rule removed, one polygon per piece (drawn on the basemap as not counted). */
  foreshore: FeatureCollection<Polygon, ForeshoreProperties>;
  grid: GridGeometry;
  /** Cells the rule removed (1) on `grid`, for tests and figures. */
  removed: Uint8Array;
}

function districtBounds(districts: DistrictCollection): [number, number, number, number] {
  let west = 180;
  let south = 90;
  let east = -180;
  let north = -90;
  const visit = (positions: Position[]): void => {
    for (const [lon, lat] of positions as [number, number][]) {
      west = Math.min(west, lon);
      east = Math.max(east, lon);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
  };
  for (const district of districts.features) {
    const polygons =
      district.geometry.type === 'Polygon' ? [district.geometry.coordinates] : district.geometry.coordinates;
    for (const polygon of polygons) for (const ring of polygon) visit(ring);
  }
  // One cell of margin all round, so water seeds exist beyond the outermost land.
  const marginDeg = 0.01;
  return [west - marginDeg, south - marginDeg, east + marginDeg, north + marginDeg];
}

/** Marks the foreshore cells on a grid (1 = removed) and returns them with the base land. */
export function foreshoreCells(
  input: LandMaskInput,
  grid: GridGeometry,
): { removed: Uint8Array; base: Uint8Array } {
  const inDistrict = polygonMask(
    grid,
    input.districts.features.map((feature) => feature.geometry),
  );
  const outline = polygonMask(
    grid,
    input.land.features.map((feature) => feature.geometry),
  );
  const sea = polygonMask(
    grid,
    input.sea.features.map((feature) => feature.geometry),
  );
  const naturalEarth = polygonMask(
    grid,
    input.naturalEarthLand.features.map((feature) => feature.geometry),
  );
  const base = new Uint8Array(grid.cellCount);
  for (let cell = 0; cell < grid.cellCount; cell++) {
    base[cell] = inDistrict[cell] === 1 && outline[cell] === 1 && sea[cell] === 0 ? 1 : 0;
  }
  const roadCells = new Uint8Array(grid.cellCount);
  for (const feature of input.roads.features) burnLines(grid, feature.geometry.coordinates, roadCells);
  const roadDistance = chamferDistanceM(grid, roadCells);
  const candidate = (cell: number): boolean =>
    base[cell] === 1 && roadDistance[cell]! > ROAD_REACH_M && naturalEarth[cell] === 0;
  const { columns, cellCount } = grid;
  const seeds: number[] = [];
  for (let cell = 0; cell < cellCount; cell++) {
    if (!candidate(cell)) continue;
    const column = cell % columns;
    const touchesWater =
      (column > 0 && base[cell - 1] === 0) ||
      (column < columns - 1 && base[cell + 1] === 0) ||
      (cell >= columns && base[cell - columns] === 0) ||
      (cell + columns < cellCount && base[cell + columns] === 0);
    if (touchesWater) seeds.push(cell);
  }
  const removed = floodFill(grid, seeds, candidate);
  return { removed, base };
}

/**
 * The removed cells grown by two cells into what is not base land, so a traced piece reaches past the
 * outline's edge and the difference leaves no sliver of flat behind.
 */
function grownIntoWater(grid: GridGeometry, removed: Uint8Array, base: Uint8Array): Uint8Array {
  let current = removed;
  for (let pass = 0; pass < 2; pass++) {
    const next = current.slice();
    const { columns, cellCount } = grid;
    for (let cell = 0; cell < cellCount; cell++) {
      if (current[cell] !== 1) continue;
      const column = cell % columns;
      for (const neighbour of [
        column > 0 ? cell - 1 : -1,
        column < columns - 1 ? cell + 1 : -1,
        cell - columns,
        cell + columns,
      ]) {
        if (neighbour >= 0 && neighbour < cellCount && base[neighbour] === 0) next[neighbour] = 1;
      }
    }
    current = next;
  }
  return current;
}

/** Derives the land mask and the foreshore from the shipped outlines, Natural Earth land and roads. */
export function deriveLandMask(input: LandMaskInput): LandMaskResult {
  const grid = createGrid(districtBounds(input.districts), LAND_MASK_CELL_M);
  const { removed, base } = foreshoreCells(input, grid);
  const { pieces, labels } = traceMaskPolygons(grid, grownIntoWater(grid, removed, base), {
    simplifyM: TRACE_SIMPLIFY_M,
    minAreaKm2: MIN_FORESHORE_KM2,
  });
  const foreshoreFeatures: Feature<Polygon, ForeshoreProperties>[] = pieces.map(({ polygon, component }) => {
    let areaKm2 = 0;
    // The piece's own removed cells (its growth into the water is not foreshore).
    for (let row = component.row0; row <= component.row1; row++) {
      for (let column = component.column0; column <= component.column1; column++) {
        const cell = row * grid.columns + column;
        if (labels[cell] === component.id && removed[cell] === 1) areaKm2 += grid.rowCellAreaKm2[row]!;
      }
    }
    return { type: 'Feature', properties: { areaKm2: Math.round(areaKm2 * 100) / 100 }, geometry: polygon };
  });
  // One difference against all pieces at once (piece by piece re-sweeps the whole outline each time).
  const allPieces = turfFeature<MultiPolygon>({
    type: 'MultiPolygon',
    coordinates: foreshoreFeatures.map((piece) => piece.geometry.coordinates),
  });
  const landNow = difference(featureCollection([turfFeature(mergeParts(input.land)), allPieces]));
  if (!landNow) throw new Error('the foreshore removed all land');
  const maskFeatures = input.districts.features.map((district): Feature<MultiPolygon, LandMaskProperties> => {
    const part = intersect(featureCollection([turfFeature(district.geometry), landNow]));
    const geometry = roundMultiPolygon(asMultiPolygon(part?.geometry));
    const { adcode, name, area_km2_official } = district.properties;
    return {
      type: 'Feature',
      properties: { adcode, name, areaKm2: Math.round(area(geometry) / 1e4) / 100, area_km2_official },
      geometry,
    };
  });
  return {
    mask: { type: 'FeatureCollection', features: maskFeatures },
    foreshore: { type: 'FeatureCollection', features: foreshoreFeatures },
    grid,
    removed,
  };
}

/** The outline's parts as one MultiPolygon. */
function mergeParts(land: Polygons): MultiPolygon {
  const coordinates: Position[][][] = [];
  for (const feature of land.features) {
    if (feature.geometry.type === 'Polygon') coordinates.push(feature.geometry.coordinates);
    else coordinates.push(...feature.geometry.coordinates);
  }
  return { type: 'MultiPolygon', coordinates };
}

const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;

function asMultiPolygon(geometry: Polygon | MultiPolygon | undefined): MultiPolygon {
  if (!geometry) return { type: 'MultiPolygon', coordinates: [] };
  return geometry.type === 'Polygon'
    ? { type: 'MultiPolygon', coordinates: [geometry.coordinates] }
    : geometry;
}

function roundMultiPolygon(geometry: MultiPolygon): MultiPolygon {
  return {
    type: 'MultiPolygon',
    coordinates: geometry.coordinates.map((polygon) =>
      polygon.map((ring) => ring.map(([lon, lat]) => [round6(lon!), round6(lat!)])),
    ),
  };
}
