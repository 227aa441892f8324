/**
 * The residual dots of a calibration: one circle per measurement sample, coloured by prediction −
 * measurement on a diverging scale (red: the model predicts too much signal; blue: too little). The
 * data comes as a blob: URL of GeoJSON written by the coverage worker, so MapLibre's worker fetches and
 * parses it and the main thread never holds 10⁵ features. Knows nothing of the store.
 */
import type { GeoJSONSource } from 'maplibre-gl';
import { MapModule } from './map-module';

const SOURCE = 'calibration-residuals';
export const CALIBRATION_DOTS_LAYER = 'calibration-residuals-circle';
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
    this.addSource(SOURCE, { type: 'geojson', data: EMPTY });
    this.addLayer({
      id: CALIBRATION_DOTS_LAYER,
      type: 'circle',
      source: SOURCE,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 1.5, 13, 3, 16, 5],
        'circle-color': ['interpolate', ['linear'], ['get', 'e'], ...RESIDUAL_COLOURS.flat()],
        'circle-stroke-color': 'rgba(30, 30, 30, 0.35)',
        'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 11, 0, 14, 0.5],
      },
    });
  }

  /** Shows the dots at this URL (null: none). */
  async setResiduals(url: string | null): Promise<void> {
    await this.ready;
    (this.map.getSource(SOURCE) as GeoJSONSource | undefined)?.setData(url ?? EMPTY);
  }

  /** Dots MapLibre has loaded into the source's tiles (tests: the dots reached the map). */
  loadedDotCount(): number {
    if (!this.map.getSource(SOURCE)) return 0;
    return this.map.querySourceFeatures(SOURCE).length;
  }

  /** Shows or hides the dots. */
  async setVisible(visible: boolean): Promise<void> {
    await this.ready;
    if (this.map.getLayer(CALIBRATION_DOTS_LAYER))
      this.map.setLayoutProperty(CALIBRATION_DOTS_LAYER, 'visibility', visible ? 'visible' : 'none');
  }
}
