/**
 * The residual dots of a calibration: one circle per measurement sample, coloured by prediction −
 * measurement on a diverging scale (red: the model predicts too much signal; blue: too little). The
 * data comes as blob: URLs of GeoJSON written by the coverage worker, so MapLibre's worker fetches and
 * parses them. It comes in pieces, one source and layer each (domain/calibration/residual-dots.ts says why: each
 * piece MapLibre hands back to the main thread is one short task). Knows nothing of the store.
 */
import type { GeoJSONSource } from 'maplibre-gl';
import { RESIDUAL_PIECES } from '../domain/calibration/residual-dots';
import { MapModule } from './map-module';

const PIECES = Array.from({ length: RESIDUAL_PIECES }, (_, piece) => ({
  source: `calibration-residuals-${piece}`,
  layer: `calibration-residuals-circle-${piece}`,
}));
const EMPTY = { type: 'FeatureCollection' as const, features: [] };

/** The colour scale, dB of error → colour, shared with the legend. */
export const RESIDUAL_COLOURS: readonly [number, string][] = [
  [-15, '#2b6cb0'],
  [-7, '#90cdf4'],
  [0, '#f7fafc'],
  [7, '#feb2b2'],
  [15, '#c53030'],
];

export class CalibrationLayer extends MapModule {
  protected onAdd(): void {
    for (const { source, layer } of PIECES) {
      this.addSource(source, { type: 'geojson', data: EMPTY });
      this.addLayer({
        id: layer,
        type: 'circle',
        source,
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 1.5, 13, 3, 16, 5],
          'circle-color': ['interpolate', ['linear'], ['get', 'e'], ...RESIDUAL_COLOURS.flat()],
          'circle-stroke-color': 'rgba(30, 30, 30, 0.35)',
          'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 11, 0, 14, 0.5],
        },
      });
    }
  }

  /** Shows the dots at these URLs, one per piece (none: no dots). */
  async setResiduals(urls: readonly string[]): Promise<void> {
    await this.ready;
    PIECES.forEach(({ source }, piece) => {
      (this.map.getSource(source) as GeoJSONSource | undefined)?.setData(urls[piece] ?? EMPTY);
    });
  }

  /** Dot features MapLibre has loaded into the sources' tiles (tests: the dots reached the map). */
  loadedDotCount(): number {
    let count = 0;
    for (const { source } of PIECES)
      if (this.map.getSource(source)) count += this.map.querySourceFeatures(source).length;
    return count;
  }

  /** Shows or hides the dots. */
  async setVisible(visible: boolean): Promise<void> {
    await this.ready;
    for (const { layer } of PIECES)
      if (this.map.getLayer(layer))
        this.map.setLayoutProperty(layer, 'visibility', visible ? 'visible' : 'none');
  }
}
