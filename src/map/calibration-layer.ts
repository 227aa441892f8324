/**
 * The residual dots of a calibration: one dot per measurement sample, coloured by prediction −
 * measurement on a diverging scale (red: the model predicts too much signal; blue: too little). The dots
 * arrive as typed arrays from the coverage worker and are drawn by a WebGL custom layer
 * (residual-dots-program.ts): no GeoJSON, no MapLibre worker parse and no hand-back of 10⁵ features to
 * the main thread (domain/calibration/residual-dots.ts says why). Knows nothing of the store.
 */
import type { CustomLayerInterface, CustomRenderMethodInput, Map as MapLibreMap } from 'maplibre-gl';
import { mercatorX, mercatorY, type ResidualDots } from '../domain/calibration/residual-dots';
import { MapModule } from './map-module';
import { colourStops, ResidualDotsProgram } from './residual-dots-program';

const LAYER_ID = 'calibration-residuals';

/** The colour scale, dB of error → colour, shared with the legend. */
export const RESIDUAL_COLOURS: readonly [number, string][] = [
  [-15, '#2b6cb0'],
  [-7, '#90cdf4'],
  [0, '#f7fafc'],
  [7, '#feb2b2'],
  [15, '#c53030'],
];

/** Piecewise-linear in zoom, held at the ends (as MapLibre's `interpolate` on zoom). */
function byZoom(zoom: number, stops: readonly (readonly [number, number])[]): number {
  if (zoom <= stops[0]![0]) return stops[0]![1];
  for (let index = 1; index < stops.length; index++) {
    const [z1, v1] = stops[index]!;
    const [z0, v0] = stops[index - 1]!;
    if (zoom <= z1) return v0 + ((v1 - v0) * (zoom - z0)) / (z1 - z0);
  }
  return stops[stops.length - 1]![1];
}
/** CSS pixels: the dots grow from 1.5 px at zoom 9 to 5 px at 16, a rim appears from zoom 11. */
const RADIUS_PX = [
  [9, 1.5],
  [13, 3],
  [16, 5],
] as const;
const RIM_PX = [
  [11, 0],
  [14, 0.5],
] as const;

export class CalibrationLayer extends MapModule {
  private program: ResidualDotsProgram | undefined;
  private dots: ResidualDots | null = null;
  private uploaded = true;
  private visible = true;
  /** Dots drawn by the last frame (0 until a frame drew the current dots). */
  private drawn = 0;

  protected onAdd(): void {
    const layer: CustomLayerInterface = {
      id: LAYER_ID,
      type: 'custom',
      renderingMode: '2d',
      onAdd: (_map: MapLibreMap, gl: WebGLRenderingContext | WebGL2RenderingContext) => {
        this.program = new ResidualDotsProgram(gl as WebGL2RenderingContext, colourStops(RESIDUAL_COLOURS));
        this.uploaded = false;
      },
      onRemove: () => {
        this.program?.dispose();
        this.program = undefined;
      },
      render: (_gl, options) => this.render(options),
    };
    this.addLayer(layer);
  }

  private render(options: CustomRenderMethodInput): void {
    const { program, dots } = this;
    if (!program || !dots) return;
    if (!this.uploaded) {
      program.upload(dots.offsets, dots.errorsDb);
      this.uploaded = true;
    }
    if (!this.visible) return;
    const zoom = this.map.getZoom();
    const pixelRatio = window.devicePixelRatio || 1;
    program.draw(translated(options.defaultProjectionData.mainMatrix, dots.originX, dots.originY), {
      radiusPx: byZoom(zoom, RADIUS_PX) * pixelRatio,
      rimPx: byZoom(zoom, RIM_PX) * pixelRatio,
    });
    this.drawn = dots.shown;
  }

  /** Shows these dots (null: none); they are uploaded to the GPU at the next frame. */
  async setResiduals(dots: ResidualDots | null): Promise<void> {
    await this.ready;
    this.dots = dots;
    this.uploaded = false;
    this.drawn = 0;
    this.map.triggerRepaint();
  }

  /** Dots the last frame drew that lie in the current view (tests: the dots reached the map). */
  loadedDotCount(): number {
    const { dots } = this;
    if (!dots || this.drawn === 0) return 0;
    const bounds = this.map.getBounds();
    const west = mercatorX(bounds.getWest()) - dots.originX;
    const east = mercatorX(bounds.getEast()) - dots.originX;
    const north = mercatorY(bounds.getNorth()) - dots.originY;
    const south = mercatorY(bounds.getSouth()) - dots.originY;
    let count = 0;
    for (let dot = 0; dot < dots.shown; dot++) {
      const x = dots.offsets[dot * 2]!;
      const y = dots.offsets[dot * 2 + 1]!;
      if (x >= west && x <= east && y >= north && y <= south) count++;
    }
    return count;
  }

  /** Shows or hides the dots. */
  async setVisible(visible: boolean): Promise<void> {
    await this.ready;
    this.visible = visible;
    if (this.map.getLayer(LAYER_ID))
      this.map.setLayoutProperty(LAYER_ID, 'visibility', visible ? 'visible' : 'none');
    this.map.triggerRepaint();
  }
}

/** matrix · translate(x, y): the offsets' origin folded into the matrix in double precision. */
function translated(matrix: ArrayLike<number>, x: number, y: number): Float32Array {
  const result = Float32Array.from(matrix as ArrayLike<number>);
  for (let row = 0; row < 4; row++)
    result[12 + row] = matrix[row]! * x + matrix[4 + row]! * y + matrix[12 + row]!;
  return result;
}
