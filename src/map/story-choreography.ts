/**
 * Story mode on the map: camera moves to each step's plan zones (eased, never waiting on data), a pulsing
 * outline around the emphasised zones, and — where a chapter asks — data-centre clusters extruded in 3D.
 * The pulse runs a few cycles after each step and then holds, so the map can settle (and go idle).
 */
import bbox from '@turf/bbox';
import circle from '@turf/circle';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { ExpressionSpecification, GeoJSONSource } from 'maplibre-gl';
import { SHANGHAI_BBOX } from '../domain/plan/district-facts';
import type { StoryCamera } from '../domain/story/chapters';
import type { AppMap } from './app-map';
import { MapModule } from './map-module';

const EMPHASIS_SOURCE = 'story-emphasis';
const EXTRUSION_SOURCE = 'story-datacentre-extrusion';
const PULSE_PERIOD_MS = 1100;
const PULSE_CYCLES = 3;
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
/** The facility marker layers (layer-factories.ts) story mode highlights or dims. */
export const FACILITY_MARKER_LAYERS = ['datacentres-circle', 'cableLandings-ring', 'internetExchange-ring'];
/** Opacity of facilities outside the chapter's counted zones: still there for context, plainly apart. */
const DIMMED_OPACITY = 0.25;

/** Extrusion heights per data-centre tier (metres, for the eye only): hub clusters tallest. */
const TIER_EXTRUSION = {
  hub_cluster: { radiusKm: 2.2, heightM: 9000 },
  city_agglomeration: { radiusKm: 1.5, heightM: 4500 },
  other: { radiusKm: 1.1, heightM: 2500 },
} as const;

type ZoneFeature = Feature<Polygon | MultiPolygon, { id: string }>;

/** Discs around the data-centre points with a height per tier, for the fill-extrusion layer. */
export function datacentreExtrusions(
  points: readonly Feature<Point, Record<string, unknown>>[],
): FeatureCollection<Polygon> {
  return {
    type: 'FeatureCollection',
    features: points
      .filter((point) => point.properties.type === 'datacenter_cluster')
      .map((point) => {
        const tier = (point.properties.tier as keyof typeof TIER_EXTRUSION) ?? 'other';
        const { radiusKm, heightM } = TIER_EXTRUSION[tier] ?? TIER_EXTRUSION.other;
        return circle(point.geometry.coordinates, radiusKm, {
          steps: 24,
          units: 'kilometers',
          properties: { heightM, tier },
        });
      }),
  };
}

export class StoryChoreography extends MapModule {
  private zones = new Map<string, ZoneFeature>();
  private pulseTimer: ReturnType<typeof setInterval> | undefined;
  private datacentres: readonly Feature<Point, Record<string, unknown>>[] = [];
  /** Names of the facilities drawn at full strength; null = all of them. */
  highlighted: readonly string[] | null = null;

  constructor(appMap: AppMap) {
    super(appMap);
    this.onDispose(() => clearInterval(this.pulseTimer));
  }

  setZones(zones: FeatureCollection<Polygon | MultiPolygon, { id: string }>): void {
    this.zones = new Map(zones.features.map((feature) => [feature.properties.id, feature]));
  }

  async setDatacentres(points: readonly Feature<Point, Record<string, unknown>>[]): Promise<void> {
    this.datacentres = points;
    await this.ready;
    this.drawExtrusions();
  }

  /**
   * Draws these facilities (by name) at full strength and dims the rest; only they are extruded. Null
   * restores every facility.
   */
  async highlightFacilities(names: readonly string[] | null): Promise<void> {
    this.highlighted = names;
    await this.ready;
    const opacity: ExpressionSpecification | number =
      names === null ? 1 : ['case', ['in', ['get', 'name'], ['literal', [...names]]], 1, DIMMED_OPACITY];
    for (const layer of FACILITY_MARKER_LAYERS) {
      if (!this.map.getLayer(layer)) continue;
      this.map.setPaintProperty(layer, 'circle-opacity', opacity);
      this.map.setPaintProperty(layer, 'circle-stroke-opacity', opacity);
    }
    this.drawExtrusions();
  }

  private drawExtrusions(): void {
    const names = this.highlighted;
    const points =
      names === null
        ? this.datacentres
        : this.datacentres.filter((point) => names.includes(String(point.properties.name)));
    this.map.getSource<GeoJSONSource>(EXTRUSION_SOURCE)?.setData(datacentreExtrusions(points));
  }

  /** Moves the camera to the step (fly for long hops, ease for short ones); returns at once. */
  moveCamera(camera: StoryCamera, animate = true): void {
    const features = camera.fitZoneIds.map((id) => this.zones.get(id)).filter((zone) => zone !== undefined);
    const [west, south, east, north] =
      features.length > 0 ? bbox({ type: 'FeatureCollection', features }) : SHANGHAI_BBOX;
    const target = this.map.cameraForBounds(
      [
        [west, south],
        [east, north],
      ],
      { padding: { top: 60, bottom: 90, left: 450, right: 50 }, bearing: camera.bearingDeg },
    );
    if (!target) return;
    const zoom = (target.zoom ?? this.map.getZoom()) + camera.zoomOffset;
    const options = { center: target.center, zoom, pitch: camera.pitchDeg, bearing: camera.bearingDeg };
    if (!animate) {
      this.map.jumpTo(options);
      return;
    }
    const hop = Math.abs(zoom - this.map.getZoom());
    if (hop > 1.5) this.map.flyTo({ ...options, speed: 0.9, curve: 1.3, essential: true });
    else this.map.easeTo({ ...options, duration: 1400, easing: easeInOutCubic, essential: true });
  }

  /** Outlines these zones with a pulse of a few cycles (colour from the zone's kind). */
  async emphasise(zoneIds: readonly string[]): Promise<void> {
    await this.ready;
    const features = zoneIds.map((id) => this.zones.get(id)).filter((zone) => zone !== undefined);
    this.map.getSource<GeoJSONSource>(EMPHASIS_SOURCE)?.setData({ type: 'FeatureCollection', features });
    this.stopPulse();
    if (features.length === 0) return;
    let cycle = 0;
    const swell = () => {
      const wide = cycle % 2 === 0;
      this.map.setPaintProperty('story-emphasis-line', 'line-width', wide ? 7 : 3);
      this.map.setPaintProperty('story-emphasis-line', 'line-opacity', wide ? 1 : 0.75);
      cycle++;
      if (cycle >= PULSE_CYCLES * 2) this.stopPulse();
    };
    swell();
    this.pulseTimer = setInterval(swell, PULSE_PERIOD_MS / 2);
  }

  async setExtrusionVisible(visible: boolean): Promise<void> {
    await this.ready;
    this.map.setLayoutProperty('story-datacentre-extrusion', 'visibility', visible ? 'visible' : 'none');
  }

  /** Leaves story mode: no emphasis, no extrusion, flat camera. */
  async reset(): Promise<void> {
    await this.ready;
    this.stopPulse();
    this.map.getSource<GeoJSONSource>(EMPHASIS_SOURCE)?.setData(EMPTY);
    this.map.setLayoutProperty('story-datacentre-extrusion', 'visibility', 'none');
    await this.highlightFacilities(null);
    this.map.easeTo({ pitch: 0, bearing: 0, duration: 0 });
  }

  private stopPulse(): void {
    if (this.pulseTimer !== undefined) clearInterval(this.pulseTimer);
    this.pulseTimer = undefined;
    if (this.map.getLayer('story-emphasis-line')) {
      this.map.setPaintProperty('story-emphasis-line', 'line-width', 4);
      this.map.setPaintProperty('story-emphasis-line', 'line-opacity', 0.95);
    }
  }

  protected onAdd(): void {
    this.addSource(EMPHASIS_SOURCE, { type: 'geojson', data: EMPTY });
    this.addSource(EXTRUSION_SOURCE, { type: 'geojson', data: EMPTY });
    const zoneColour = [
      'match',
      ['get', 'kind'],
      'new_town',
      '#e8590c',
      'key_area',
      '#d6336c',
      ['match', ['get', 'wing'], 'east', '#1971c2', '#7048e8'],
    ] as const;
    this.addLayer({
      id: 'story-emphasis-line',
      type: 'line',
      source: EMPHASIS_SOURCE,
      paint: {
        // biome-ignore lint/suspicious/noExplicitAny: a literal match expression, checked by the style spec at run time.
        'line-color': zoneColour as any,
        'line-width': 4,
        'line-opacity': 0.95,
        'line-width-transition': { duration: PULSE_PERIOD_MS / 2, delay: 0 },
        'line-opacity-transition': { duration: PULSE_PERIOD_MS / 2, delay: 0 },
      },
      layout: { 'line-join': 'round' },
    });
    this.addLayer({
      id: 'story-datacentre-extrusion',
      type: 'fill-extrusion',
      source: EXTRUSION_SOURCE,
      layout: { visibility: 'none' },
      paint: {
        'fill-extrusion-color': [
          'match',
          ['get', 'tier'],
          'hub_cluster',
          '#c92a2a',
          'city_agglomeration',
          '#f08c00',
          '#868e96',
        ],
        'fill-extrusion-height': ['get', 'heightM'],
        'fill-extrusion-opacity': 0.75,
      },
    });
  }
}

function easeInOutCubic(t: number): number {
  return t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2;
}
