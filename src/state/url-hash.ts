/**
 * The URL hash keeps what a link must reopen: `#map=zoom/lat/lon&layers=a,b&lang=en`.
 * Parsing is forgiving (a bad part is ignored, not fatal); formatting rounds to what a user sees.
 */
import { isLanguage, type Language } from '../domain/i18n/translate';
import { isLayerId, LAYER_IDS, type LayerId } from '../domain/layers/catalogue';
import { SAMPLE_YEARS, type SampleYear } from '../domain/sample/calibration';
import type { MapView } from './slices';

export interface HashState {
  view?: MapView;
  layers?: LayerId[];
  language?: Language;
  /** Story chapter to present (`&story=2`), read once at start by app/features/story.ts. */
  story?: number;
  /** The sample baseline (`&sample=2025`; absent = 2020). */
  sample?: SampleYear;
}

/** Reads a location hash (with or without the leading '#'); unknown or malformed parts are dropped. */
export function parseHash(hash: string): HashState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const result: HashState = {};
  const map = params.get('map');
  if (map) {
    const [zoom, latitude, longitude] = map.split('/').map(Number);
    if (
      zoom !== undefined &&
      latitude !== undefined &&
      longitude !== undefined &&
      Number.isFinite(zoom) &&
      Number.isFinite(latitude) &&
      Number.isFinite(longitude) &&
      Math.abs(latitude) <= 90 &&
      Math.abs(longitude) <= 180 &&
      zoom >= 0 &&
      zoom <= 24
    ) {
      result.view = { zoom, latitude, longitude };
    }
  }
  const layers = params.get('layers');
  if (layers !== null) result.layers = layers.split(',').filter(isLayerId);
  const language = params.get('lang');
  if (isLanguage(language)) result.language = language;
  const sample = Number(params.get('sample'));
  if ((SAMPLE_YEARS as readonly number[]).includes(sample)) result.sample = sample as SampleYear;
  const story = params.get('story');
  if (story !== null && /^\d$/.test(story)) result.story = Number(story);
  return result;
}

/** Writes the hash for a view, the visible layers (in catalogue order) and the language. */
export function formatHash(
  view: MapView | null,
  visibleLayers: Record<LayerId, boolean>,
  language: Language,
  sampleYear: SampleYear = 2020,
): string {
  const parts: string[] = [];
  if (view) {
    // Two decimals of zoom and four of degrees (~10 m) reopen the same view on screen.
    parts.push(`map=${round(view.zoom, 2)}/${round(view.latitude, 4)}/${round(view.longitude, 4)}`);
  }
  parts.push(`layers=${LAYER_IDS.filter((id) => visibleLayers[id]).join(',')}`);
  parts.push(`lang=${language}`);
  // The default sample stays out of the URL, so links made before the choice existed read the same.
  if (sampleYear !== 2020) parts.push(`sample=${sampleYear}`);
  return `#${parts.join('&')}`;
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
