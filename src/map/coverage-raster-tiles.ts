/**
 * Splits the city-wide coverage image into tiles of at most TILE_SIZE_PX, each shown as its own
 * MapLibre image source. An incremental edit then re-uploads only the few tiles its patches touch
 * (uploading the whole 50 m city image on every drag tick would stall; docs/measurements.md has the
 * image's size and a tile's upload time),
 * and no single texture exceeds what small GPUs accept. Pure functions (no maplibregl), unit-tested.
 */

export const TILE_SIZE_PX = 512;

export type Corners = [[number, number], [number, number], [number, number], [number, number]];

export interface RasterTile {
  /** Pixel rectangle of the tile inside the city image. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** [top-left, top-right, bottom-right, bottom-left] lon/lat, as MapLibre image sources take them. */
  coordinates: Corners;
}

const mercatorY = (lat: number): number => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const latitudeOf = (y: number): number => (Math.atan(Math.exp(y)) * 360) / Math.PI - 90;

/**
 * The tiles covering an image whose rows are evenly spaced in Web Mercator between its north and south
 * edges (as the engine renders them) and whose columns are evenly spaced in longitude.
 */
export function tileLayout(
  image: { width: number; height: number; coordinates: Corners },
  tileSizePx = TILE_SIZE_PX,
): RasterTile[] {
  const [[west, north], [east], , [, south]] = image.coordinates;
  const top = mercatorY(north);
  const bottom = mercatorY(south);
  const lonAt = (x: number): number => west + (x / image.width) * (east - west);
  const latAt = (y: number): number => latitudeOf(top - (y / image.height) * (top - bottom));
  const tiles: RasterTile[] = [];
  for (let y = 0; y < image.height; y += tileSizePx) {
    const height = Math.min(tileSizePx, image.height - y);
    const tileNorth = latAt(y);
    const tileSouth = latAt(y + height);
    for (let x = 0; x < image.width; x += tileSizePx) {
      const width = Math.min(tileSizePx, image.width - x);
      const tileWest = lonAt(x);
      const tileEast = lonAt(x + width);
      tiles.push({
        x,
        y,
        width,
        height,
        coordinates: [
          [tileWest, tileNorth],
          [tileEast, tileNorth],
          [tileEast, tileSouth],
          [tileWest, tileSouth],
        ],
      });
    }
  }
  return tiles;
}

/** Copies a tile's rectangle out of the whole RGBA image (row by row, no per-pixel work). */
export function cutTile(
  rgba: Uint8ClampedArray,
  imageWidth: number,
  tile: RasterTile,
): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(tile.width * tile.height * 4);
  const rowBytes = tile.width * 4;
  for (let row = 0; row < tile.height; row++) {
    const start = ((tile.y + row) * imageWidth + tile.x) * 4;
    out.set(rgba.subarray(start, start + rowBytes), row * rowBytes);
  }
  return out;
}

export interface PatchRect {
  x: number;
  y: number;
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
}

/**
 * Writes a patch (a rectangle of the whole image) into the tile buffers it overlaps; returns the
 * indices of the tiles it changed.
 */
export function applyPatchToTiles(
  tiles: readonly RasterTile[],
  buffers: readonly Uint8ClampedArray[],
  patch: PatchRect,
): number[] {
  const touched: number[] = [];
  tiles.forEach((tile, index) => {
    const x0 = Math.max(tile.x, patch.x);
    const y0 = Math.max(tile.y, patch.y);
    const x1 = Math.min(tile.x + tile.width, patch.x + patch.width);
    const y1 = Math.min(tile.y + tile.height, patch.y + patch.height);
    if (x0 >= x1 || y0 >= y1) return;
    const buffer = buffers[index]!;
    const rowBytes = (x1 - x0) * 4;
    for (let y = y0; y < y1; y++) {
      const from = ((y - patch.y) * patch.width + (x0 - patch.x)) * 4;
      const to = ((y - tile.y) * tile.width + (x0 - tile.x)) * 4;
      buffer.set(patch.rgba.subarray(from, from + rowBytes), to);
    }
    touched.push(index);
  });
  return touched;
}

/** Writes a patch into the whole image's RGBA buffer (row copies). */
export function applyPatchToImage(rgba: Uint8ClampedArray, imageWidth: number, patch: PatchRect): void {
  const rowBytes = patch.width * 4;
  for (let row = 0; row < patch.height; row++) {
    const to = ((patch.y + row) * imageWidth + patch.x) * 4;
    rgba.set(patch.rgba.subarray(row * rowBytes, (row + 1) * rowBytes), to);
  }
}

/** Indices of the tiles a patch overlaps. */
export function tilesTouched(tiles: readonly RasterTile[], patch: Omit<PatchRect, 'rgba'>): number[] {
  const touched: number[] = [];
  tiles.forEach((tile, index) => {
    const overlaps =
      Math.max(tile.x, patch.x) < Math.min(tile.x + tile.width, patch.x + patch.width) &&
      Math.max(tile.y, patch.y) < Math.min(tile.y + tile.height, patch.y + patch.height);
    if (overlaps) touched.push(index);
  });
  return touched;
}
