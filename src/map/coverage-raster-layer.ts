/**
 * The coverage image on the map: the engine's RGBA raster cut into 512-pixel tiles, each an image
 * source, below the layers named at creation. A full image replaces every tile; an edit's patches
 * re-upload only the tiles they touch, one per frame. Driven by coverage-layers.ts.
 */
import type { ImageSource } from 'maplibre-gl';
import type { AppMap } from './app-map';
import {
  applyPatchToImage,
  type Corners,
  type PatchRect,
  type RasterTile,
  tileLayout,
  tilesTouched,
} from './coverage-raster-tiles';
import { MapModule } from './map-module';

export interface CoverageRasterInput {
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
  coordinates: Corners;
}

const rasterSourceId = (index: number): string => `coverage-raster-${index}`;

export class CoverageRasterLayer extends MapModule {
  private tiles: RasterTile[] = [];
  /** The whole city image as last delivered plus the patches since. */
  private image: ImageData | null = null;
  private imageKey = '';
  private readonly bitmaps = new Map<number, ImageBitmap>();
  private rasterVisible = true;
  private readonly dirty = new Set<number>();
  private uploading = false;

  constructor(
    appMap: AppMap,
    /** Layers the tiles go below (the first one the style has). */
    private readonly beforeIds: readonly string[],
  ) {
    super(appMap);
    this.onDispose(() => {
      this.dirty.clear();
      this.removeTiles();
    });
  }

  /** Tiles are added with the first image (their number depends on its size). */
  protected onAdd(): void {}

  /** Shows a whole coverage image (after a full compute or a style switch). */
  setRaster(raster: CoverageRasterInput): void {
    void this.ready.then(() => {
      const key = `${raster.width}x${raster.height}:${raster.coordinates.flat().join(',')}`;
      if (key !== this.imageKey) this.rebuildTiles(raster, key);
      this.image = new ImageData(raster.rgba as Uint8ClampedArray<ArrayBuffer>, raster.width, raster.height);
      for (let index = 0; index < this.tiles.length; index++) this.dirty.add(index);
      this.scheduleUploads();
    });
  }

  /** Applies an incremental edit's patches; only the tiles they touch are uploaded again. */
  applyPatches(patches: readonly PatchRect[]): void {
    if (patches.length === 0) return;
    void this.ready.then(() => {
      const image = this.image;
      if (!image) return;
      for (const patch of patches) {
        applyPatchToImage(image.data, image.width, patch);
        for (const index of tilesTouched(this.tiles, patch)) this.dirty.add(index);
      }
      this.scheduleUploads();
    });
  }

  setVisible(visible: boolean): void {
    this.rasterVisible = visible;
    void this.ready.then(() => {
      this.tiles.forEach((_, index) => {
        if (this.map.getLayer(rasterSourceId(index)))
          this.map.setLayoutProperty(rasterSourceId(index), 'visibility', visible ? 'visible' : 'none');
      });
    });
  }

  /** How many raster tiles the image is split into (tests). */
  tileCount(): number {
    return this.tiles.length;
  }

  /** Tiles still waiting to be handed to MapLibre (0 once the whole image is on the map). */
  pendingTileCount(): number {
    return this.dirty.size + (this.uploading ? 1 : 0);
  }

  /** Takes the raster tiles off the map and frees their bitmaps. */
  private removeTiles(): void {
    if (!this.appMap.isDisposed) {
      for (let index = 0; index < this.tiles.length; index++) {
        if (this.map.getLayer(rasterSourceId(index))) this.map.removeLayer(rasterSourceId(index));
        if (this.map.getSource(rasterSourceId(index))) this.map.removeSource(rasterSourceId(index));
      }
    }
    this.tiles = [];
    for (const bitmap of this.bitmaps.values()) bitmap.close();
    this.bitmaps.clear();
  }

  private rebuildTiles(raster: CoverageRasterInput, key: string): void {
    this.removeTiles();
    this.dirty.clear();
    this.imageKey = key;
    const before = this.beforeIds.find((id) => this.map.getLayer(id));
    this.tiles = tileLayout(raster);
    this.tiles.forEach((tile, index) => {
      const id = rasterSourceId(index);
      this.map.addSource(id, { type: 'image', coordinates: tile.coordinates } as never);
      this.map.addLayer(
        {
          id,
          type: 'raster',
          source: id,
          layout: { visibility: this.rasterVisible ? 'visible' : 'none' },
          paint: { 'raster-fade-duration': 0, 'raster-resampling': 'nearest', 'raster-opacity': 0.9 },
        },
        before,
      );
    });
  }

  /**
   * Hands changed tiles to MapLibre as premultiplied ImageBitmaps cropped from the whole image:
   * createImageBitmap copies and converts off the main thread, and MapLibre then uploads a bitmap
   * without its own per-pixel premultiply pass (slow on SwiftShader). One 512² tile per frame, so no frame
   * uploads the city (figures in docs/measurements.md, Map and main thread).
   */
  private scheduleUploads(): void {
    if (this.uploading) return;
    this.uploading = true;
    const step = async (): Promise<void> => {
      const image = this.image;
      const batch = [...this.dirty].slice(0, 1);
      if (!image || batch.length === 0 || this.isDisposed) {
        this.uploading = false;
        return;
      }
      const key = this.imageKey;
      for (const index of batch) this.dirty.delete(index);
      const bitmaps = await Promise.all(
        batch.map((index) => {
          const tile = this.tiles[index]!;
          return createImageBitmap(image, tile.x, tile.y, tile.width, tile.height, {
            premultiplyAlpha: 'premultiply',
          });
        }),
      );
      batch.forEach((index, position) => {
        const bitmap = bitmaps[position]!;
        // The image was rebuilt at another size meanwhile (or the layers went): this tile no longer exists.
        if (key !== this.imageKey || this.isDisposed) {
          bitmap.close();
          return;
        }
        this.map.getSource<ImageSource>(rasterSourceId(index))?.updateImage({ image: bitmap });
        // The replaced bitmap is no longer referenced by the source; free it now, not at GC.
        this.bitmaps.get(index)?.close();
        this.bitmaps.set(index, bitmap);
      });
      requestAnimationFrame(() => void step());
    };
    void step();
  }
}
