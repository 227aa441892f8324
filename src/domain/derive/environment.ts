/**
 * The propagation environment of every place (dense urban / urban / suburban / rural) from open signals:
 *   - WorldPop 2020 population (1 km samples) where the samples reach: people per km² by inverse-distance
 *     weighting of the samples within POPULATION_REACH_M, classed at POPULATION_EDGES;
 *   - elsewhere a score from OSM major-road density and metro stations, whose edges were fitted on the
 *     area both cover so that the score reproduces the population classes as often as it can.
 * Written as nested polygons: "suburban" holds every place at least suburban, "urban" every place at
 * least urban, "dense_urban" the densest; what no polygon holds is rural. The figures and the score's
 * agreement with WorldPop are in data/geo/SOURCES.md ("Environment").
 */
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import { columnCentreLon, createGrid, type GridGeometry, rowCentreLat } from '../coverage/grid';
import type { DensityClass } from '../plan/district-facts';
import { polygonMask, traceMaskPolygons } from './raster-tools';

/** Grid the classification runs on, metres. */
export const ENVIRONMENT_CELL_M = 100;
/** Population density edges, people per km²: dense urban ≥ 15,000, urban ≥ 5,000, suburban ≥ 1,000. */
export const POPULATION_EDGES = { dense_urban: 15_000, urban: 5_000, suburban: 1_000 } as const;
/** Samples within this distance weigh in on a place's population, metres. */
export const POPULATION_REACH_M = 1_500;
/** A place has population data when a sample lies within this distance, metres (samples are ~1 km apart). */
export const POPULATION_COVER_M = 1_000;
/** Road density is measured over a square window of this half side, metres. */
export const ROAD_WINDOW_HALF_M = 1_500;
/** Metro stations within this distance add to the score, metres. */
export const STATION_REACH_M = 1_500;
/** Score = major-road km per km² in the window + STATION_WEIGHT × stations within reach. */
export const STATION_WEIGHT = 1.5;
/** Score edges fitted against the population classes where both exist (see SOURCES.md). */
export const SCORE_EDGES = { dense_urban: 7.5, urban: 3, suburban: 1 } as const;
/** Nested class polygons are traced with this tolerance, metres. */
const TRACE_SIMPLIFY_M = 60;
/** Pieces of a class smaller than this are dropped (they stay in the next class down), km². */
const MIN_PIECE_KM2 = 0.2;

export const ENVIRONMENT_LEVELS: readonly Exclude<DensityClass, 'rural'>[] = [
  'suburban',
  'urban',
  'dense_urban',
];

export interface EnvironmentInput {
  /** The land mask (data/geo/land-mask.geojson): only land is classed. */
  land: FeatureCollection<Polygon | MultiPolygon>;
  roads: FeatureCollection<MultiLineString>;
  population: FeatureCollection<Point, { popPerKm2: number }>;
  metroStations: FeatureCollection<Point>;
}

export interface EnvironmentProperties {
  /** Every place inside is at least this dense. */
  environment: Exclude<DensityClass, 'rural'>;
  /** Land area of the class itself on the classification grid, km² (not of the nested polygon). */
  classAreaKm2: number;
}

export type EnvironmentCollection = FeatureCollection<MultiPolygon, EnvironmentProperties>;

/** Rank: 0 dense urban … 3 rural (the engine's DENSITY_CLASSES order). */
export type EnvironmentRank = 0 | 1 | 2 | 3;

export interface EnvironmentRaster {
  grid: GridGeometry;
  land: Uint8Array;
  /** Rank per cell (3 off land). */
  rank: Uint8Array;
  /** Population density per cell where samples reach, else NaN. */
  population: Float32Array;
  /** Road-and-station score per cell. */
  score: Float32Array;
}

function boundsOf(land: FeatureCollection<Polygon | MultiPolygon>): [number, number, number, number] {
  let west = 180;
  let south = 90;
  let east = -180;
  let north = -90;
  for (const feature of land.features) {
    const polygons =
      feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    for (const polygon of polygons)
      for (const [lon, lat] of polygon[0]! as [number, number][]) {
        west = Math.min(west, lon);
        east = Math.max(east, lon);
        south = Math.min(south, lat);
        north = Math.max(north, lat);
      }
  }
  return [west - 0.02, south - 0.02, east + 0.02, north + 0.02];
}

/** Major-road length per cell, metres (each segment split along its cells). */
function roadLengthPerCell(grid: GridGeometry, roads: FeatureCollection<MultiLineString>): Float64Array {
  const length = new Float64Array(grid.cellCount);
  const metresPerLat = grid.cellM / grid.latStepDeg;
  for (const feature of roads.features) {
    for (const line of feature.geometry.coordinates) {
      for (let index = 0; index + 1 < line.length; index++) {
        const [lonA, latA] = line[index] as [number, number];
        const [lonB, latB] = line[index + 1] as [number, number];
        const row = Math.min(grid.rows - 1, Math.max(0, Math.floor((grid.north - latA) / grid.latStepDeg)));
        const metresPerLon = grid.rowCellWidthM[row]! / grid.lonStepDeg;
        const segmentM = Math.hypot((lonB - lonA) * metresPerLon, (latB - latA) * metresPerLat);
        const pieces = Math.max(1, Math.ceil(segmentM / (grid.cellM / 4)));
        for (let piece = 0; piece < pieces; piece++) {
          const t = (piece + 0.5) / pieces;
          const column = Math.floor((lonA + (lonB - lonA) * t - grid.west) / grid.lonStepDeg);
          const pieceRow = Math.floor((grid.north - (latA + (latB - latA) * t)) / grid.latStepDeg);
          if (column < 0 || column >= grid.columns || pieceRow < 0 || pieceRow >= grid.rows) continue;
          length[pieceRow * grid.columns + column] =
            length[pieceRow * grid.columns + column]! + segmentM / pieces;
        }
      }
    }
  }
  return length;
}

/** Sum over a square window of half side `half` cells for every cell (summed-area table). */
function windowSums(grid: GridGeometry, values: Float64Array, half: number): Float64Array {
  const { columns, rows } = grid;
  const stride = columns + 1;
  const table = new Float64Array(stride * (rows + 1));
  for (let row = 0; row < rows; row++) {
    let rowSum = 0;
    for (let column = 0; column < columns; column++) {
      rowSum += values[row * columns + column]!;
      table[(row + 1) * stride + column + 1] = table[row * stride + column + 1]! + rowSum;
    }
  }
  const sums = new Float64Array(grid.cellCount);
  for (let row = 0; row < rows; row++) {
    const row0 = Math.max(0, row - half);
    const row1 = Math.min(rows, row + half + 1);
    for (let column = 0; column < columns; column++) {
      const column0 = Math.max(0, column - half);
      const column1 = Math.min(columns, column + half + 1);
      sums[row * columns + column] =
        table[row1 * stride + column1]! -
        table[row0 * stride + column1]! -
        table[row1 * stride + column0]! +
        table[row0 * stride + column0]!;
    }
  }
  return sums;
}

/** Visits every cell within reachM of a point with its distance in metres. */
function forCellsNear(
  grid: GridGeometry,
  lon: number,
  lat: number,
  reachM: number,
  visit: (cell: number, distanceM: number) => void,
): void {
  const centreRow = Math.floor((grid.north - lat) / grid.latStepDeg);
  const rowReach = Math.ceil(reachM / grid.cellM);
  for (
    let row = Math.max(0, centreRow - rowReach);
    row <= Math.min(grid.rows - 1, centreRow + rowReach);
    row++
  ) {
    const widthM = grid.rowCellWidthM[row]!;
    const centreColumn = Math.floor((lon - grid.west) / grid.lonStepDeg);
    const columnReach = Math.ceil(reachM / widthM);
    const dyM = (rowCentreLat(grid, row) - lat) * (grid.cellM / grid.latStepDeg);
    for (
      let column = Math.max(0, centreColumn - columnReach);
      column <= Math.min(grid.columns - 1, centreColumn + columnReach);
      column++
    ) {
      const dxM = (columnCentreLon(grid, column) - lon) * (widthM / grid.lonStepDeg);
      const distanceM = Math.hypot(dxM, dyM);
      if (distanceM <= reachM) visit(row * grid.columns + column, distanceM);
    }
  }
}

/** Rank from a population density. */
export function rankOfPopulation(peoplePerKm2: number): EnvironmentRank {
  if (peoplePerKm2 >= POPULATION_EDGES.dense_urban) return 0;
  if (peoplePerKm2 >= POPULATION_EDGES.urban) return 1;
  if (peoplePerKm2 >= POPULATION_EDGES.suburban) return 2;
  return 3;
}

/** Rank from the road-and-station score. */
export function rankOfScore(score: number): EnvironmentRank {
  if (score >= SCORE_EDGES.dense_urban) return 0;
  if (score >= SCORE_EDGES.urban) return 1;
  if (score >= SCORE_EDGES.suburban) return 2;
  return 3;
}

/** Classifies every land cell of a grid over the land mask. */
export function classifyEnvironment(input: EnvironmentInput): EnvironmentRaster {
  const grid = createGrid(boundsOf(input.land), ENVIRONMENT_CELL_M);
  const land = polygonMask(
    grid,
    input.land.features.map((feature) => feature.geometry),
  );
  // Population: inverse-distance-squared weights (a 100 m floor keeps a sample on the cell finite).
  const weightSum = new Float64Array(grid.cellCount);
  const weightedPopulation = new Float64Array(grid.cellCount);
  const covered = new Uint8Array(grid.cellCount);
  for (const sample of input.population.features) {
    const [lon, lat] = sample.geometry.coordinates as [number, number];
    forCellsNear(grid, lon, lat, POPULATION_REACH_M, (cell, distanceM) => {
      const weight = 1 / Math.max(100, distanceM) ** 2;
      weightSum[cell] = weightSum[cell]! + weight;
      weightedPopulation[cell] = weightedPopulation[cell]! + weight * sample.properties.popPerKm2;
      if (distanceM <= POPULATION_COVER_M) covered[cell] = 1;
    });
  }
  const stationCount = new Float64Array(grid.cellCount);
  for (const station of input.metroStations.features) {
    const [lon, lat] = station.geometry.coordinates as [number, number];
    forCellsNear(grid, lon, lat, STATION_REACH_M, (cell) => {
      stationCount[cell] = stationCount[cell]! + 1;
    });
  }
  const half = Math.round(ROAD_WINDOW_HALF_M / grid.cellM);
  const roadSums = windowSums(grid, roadLengthPerCell(grid, input.roads), half);
  const population = new Float32Array(grid.cellCount).fill(Number.NaN);
  const score = new Float32Array(grid.cellCount);
  const rank = new Uint8Array(grid.cellCount).fill(3);
  for (let row = 0; row < grid.rows; row++) {
    const row0 = Math.max(0, row - half);
    const row1 = Math.min(grid.rows, row + half + 1);
    for (let column = 0; column < grid.columns; column++) {
      const cell = row * grid.columns + column;
      const windowCells =
        (row1 - row0) * (Math.min(grid.columns, column + half + 1) - Math.max(0, column - half));
      const windowKm2 = (windowCells * grid.cellM * grid.rowCellWidthM[row]!) / 1e6;
      score[cell] = roadSums[cell]! / 1000 / windowKm2 + STATION_WEIGHT * stationCount[cell]!;
      if (covered[cell] === 1) population[cell] = weightedPopulation[cell]! / weightSum[cell]!;
      if (land[cell] !== 1) continue;
      rank[cell] = covered[cell] === 1 ? rankOfPopulation(population[cell]!) : rankOfScore(score[cell]!);
    }
  }
  return { grid, land, rank, population, score };
}

/** The nested class polygons of a classification. */
export function environmentPolygons(raster: EnvironmentRaster): EnvironmentCollection {
  const { grid, land, rank } = raster;
  const features: Feature<MultiPolygon, EnvironmentProperties>[] = ENVIRONMENT_LEVELS.map((environment) => {
    const level = environment === 'dense_urban' ? 0 : environment === 'urban' ? 1 : 2;
    const mask = new Uint8Array(grid.cellCount);
    let classAreaKm2 = 0;
    for (let cell = 0; cell < grid.cellCount; cell++) {
      if (land[cell] !== 1 || rank[cell]! > level) continue;
      mask[cell] = 1;
      if (rank[cell] === level) classAreaKm2 += grid.rowCellAreaKm2[Math.floor(cell / grid.columns)]!;
    }
    const { pieces } = traceMaskPolygons(grid, mask, {
      simplifyM: TRACE_SIMPLIFY_M,
      minAreaKm2: MIN_PIECE_KM2,
    });
    return {
      type: 'Feature',
      properties: { environment, classAreaKm2: Math.round(classAreaKm2 * 10) / 10 },
      geometry: { type: 'MultiPolygon', coordinates: pieces.map((piece) => piece.polygon.coordinates) },
    };
  });
  return { type: 'FeatureCollection', features };
}
