/**
 * The suggested sites on the map: numbered markers (rank) in a tiny source of their own, ticked picks
 * filled, unticked ones hollow. Knows nothing of the store; app/features/suggest.ts drives it.
 */
import type { FeatureCollection, Point } from 'geojson';
import type { GeoJSONSource } from 'maplibre-gl';
import { MapModule } from './map-module';

export interface SuggestMarker {
  id: string;
  rank: number;
  lon: number;
  lat: number;
  checked: boolean;
}

const SOURCE = 'suggest-picks';
export const SUGGEST_MARKER_LAYER = 'suggest-picks-circle';
const LABEL_LAYER = 'suggest-picks-label';
const COLOUR = '#7048e8';

export class SuggestLayer extends MapModule {
  protected onAdd(): void {
    this.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    this.addLayer({
      id: SUGGEST_MARKER_LAYER,
      type: 'circle',
      source: SOURCE,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 7, 14, 11],
        'circle-color': ['case', ['get', 'checked'], COLOUR, '#ffffff'],
        'circle-stroke-color': COLOUR,
        'circle-stroke-width': 2,
      },
    });
    this.addLayer({
      id: LABEL_LAYER,
      type: 'symbol',
      source: SOURCE,
      layout: {
        'text-field': ['to-string', ['get', 'rank']],
        'text-font': ['sans-serif'],
        'text-size': 11,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': ['case', ['get', 'checked'], '#ffffff', COLOUR] },
    });
  }

  /** Shows these markers (an empty list hides them). */
  async setMarkers(markers: readonly SuggestMarker[]): Promise<void> {
    await this.ready;
    const data: FeatureCollection<Point> = {
      type: 'FeatureCollection',
      features: markers.map((marker) => ({
        type: 'Feature',
        id: marker.rank,
        geometry: { type: 'Point', coordinates: [marker.lon, marker.lat] },
        properties: { id: marker.id, rank: marker.rank, checked: marker.checked },
      })),
    };
    (this.map.getSource(SOURCE) as GeoJSONSource | undefined)?.setData(data);
  }

  /** Eases the map to a pick. */
  async flyTo(lon: number, lat: number): Promise<void> {
    await this.ready;
    this.map.easeTo({ center: [lon, lat], zoom: Math.max(this.map.getZoom(), 14), duration: 600 });
  }
}
