/**
 * The coverage image for the map: RGBA at grid resolution, rows resampled to Web Mercator so a MapLibre
 * image source stretched between the four corners lines up (a lon/lat grid is ~200 m off mid-image
 * otherwise). Style 'class' colours RSRP classes (path-loss mode); 'covered' shows covered/uncovered land.
 */
import type { CityRaster } from './city-raster';
import type { CellWindow } from './grid';
import type { RadioGrid } from './radio-grid';
import { radioColour } from './radio-image';
import type { PlacedSite } from './site-model';
import { CELL_COVERED, CELL_NOT_LAND, type CoverageArrays } from './statistics';

/** RSRP classes, covered/uncovered, SINR grades, rate bins (the last two with SINR on, radio-image.ts). */
export type RasterStyle = 'class' | 'covered' | 'sinr' | 'rate';

/** What the SINR and rate styles read besides the arrays. */
export interface RadioLayers {
  radio: RadioGrid;
  slots: readonly (PlacedSite | undefined)[];
}

/** RGBA per RSRP class: excellent, good, fair, poor, very poor (ColorBrewer RdYlGn, legible on light maps). */
export const CLASS_COLOURS: readonly [number, number, number, number][] = [
  [26, 152, 80, 170],
  [145, 207, 96, 170],
  [254, 224, 139, 170],
  [252, 141, 89, 170],
  [215, 48, 39, 170],
];
export const COVERED_COLOUR: [number, number, number, number] = [49, 130, 189, 140];
export const UNCOVERED_COLOUR: [number, number, number, number] = [215, 48, 39, 150];

export interface RasterImage {
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
  /** [top-left, top-right, bottom-right, bottom-left] lon/lat, the order MapLibre image sources take. */
  coordinates: [[number, number], [number, number], [number, number], [number, number]];
}

export interface RasterPatch {
  x: number;
  y: number;
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
}

const mercatorY = (lat: number): number => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

/** For each image row, the grid row whose cells it shows. */
export function mercatorRowMap(city: CityRaster): Int32Array {
  const { grid } = city;
  const top = mercatorY(grid.north);
  const bottom = mercatorY(grid.south);
  const map = new Int32Array(grid.rows);
  for (let imageRow = 0; imageRow < grid.rows; imageRow++) {
    const y = top - ((imageRow + 0.5) / grid.rows) * (top - bottom);
    const lat = (Math.atan(Math.exp(y)) * 360) / Math.PI - 90;
    map[imageRow] = Math.min(grid.rows - 1, Math.max(0, Math.floor((grid.north - lat) / grid.latStepDeg)));
  }
  return map;
}

function paint(
  city: CityRaster,
  arrays: CoverageArrays,
  style: RasterStyle,
  rowMap: Int32Array,
  window: CellWindow,
  imageRow0: number,
  imageRow1: number,
  radio: RadioLayers | undefined,
): Uint8ClampedArray {
  const { columns } = city.grid;
  const width = window.column1 - window.column0 + 1;
  const rgba = new Uint8ClampedArray(width * (imageRow1 - imageRow0 + 1) * 4);
  let offset = 0;
  for (let imageRow = imageRow0; imageRow <= imageRow1; imageRow++) {
    const start = rowMap[imageRow]! * columns;
    for (let column = window.column0; column <= window.column1; column++, offset += 4) {
      const cell = start + column;
      const state = arrays.cellState[cell]!;
      if (state === CELL_NOT_LAND) continue;
      let colour: readonly number[];
      if (style === 'covered') colour = state >= CELL_COVERED ? COVERED_COLOUR : UNCOVERED_COLOUR;
      else if (style === 'sinr' || style === 'rate') {
        if (!radio) continue;
        const slot = arrays.server[cell]!;
        colour = radioColour(style, state, radio.radio, slot < 0 ? undefined : radio.slots[slot], cell);
      } else {
        const value = arrays.server[cell]! < 0 ? Number.NEGATIVE_INFINITY : arrays.best[cell]!;
        colour =
          CLASS_COLOURS[value >= -85 ? 0 : value >= -95 ? 1 : value >= -105 ? 2 : value >= -115 ? 3 : 4]!;
      }
      rgba[offset] = colour[0]!;
      rgba[offset + 1] = colour[1]!;
      rgba[offset + 2] = colour[2]!;
      rgba[offset + 3] = colour[3]!;
    }
  }
  return rgba;
}

/** The whole image. */
export function renderRaster(
  city: CityRaster,
  arrays: CoverageArrays,
  style: RasterStyle,
  rowMap: Int32Array,
  radio?: RadioLayers,
): RasterImage {
  const { grid } = city;
  const whole = { column0: 0, row0: 0, column1: grid.columns - 1, row1: grid.rows - 1 };
  return {
    width: grid.columns,
    height: grid.rows,
    rgba: paint(city, arrays, style, rowMap, whole, 0, grid.rows - 1, radio),
    coordinates: [
      [grid.west, grid.north],
      [grid.east, grid.north],
      [grid.east, grid.south],
      [grid.west, grid.south],
    ],
  };
}

/** The part of the image showing a window of cells (for putImageData after an edit). */
export function renderPatch(
  city: CityRaster,
  arrays: CoverageArrays,
  style: RasterStyle,
  rowMap: Int32Array,
  window: CellWindow,
  radio?: RadioLayers,
): RasterPatch | undefined {
  let imageRow0 = -1;
  let imageRow1 = -1;
  for (let imageRow = 0; imageRow < rowMap.length; imageRow++) {
    const row = rowMap[imageRow]!;
    if (row < window.row0 || row > window.row1) continue;
    if (imageRow0 < 0) imageRow0 = imageRow;
    imageRow1 = imageRow;
  }
  if (imageRow0 < 0) return undefined;
  const rgba = paint(city, arrays, style, rowMap, window, imageRow0, imageRow1, radio);
  return {
    x: window.column0,
    y: imageRow0,
    width: window.column1 - window.column0 + 1,
    height: imageRow1 - imageRow0 + 1,
    rgba,
  };
}
