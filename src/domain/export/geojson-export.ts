/** GeoJSON export of sites (RFC 7946: WGS84 longitude/latitude, no crs member). */
import type { SiteFeature } from '../types';
import { roundCoordinate } from './labels';

/** Serialises sites as an RFC 7946 FeatureCollection with coordinates at ≤ 7 decimals. */
export function exportSitesGeoJson(sites: readonly SiteFeature[]): string {
  const features = sites.map((site) => ({
    type: 'Feature',
    id: site.properties.id,
    geometry: { type: 'Point', coordinates: site.geometry.coordinates.map(roundCoordinate) },
    properties: site.properties,
  }));
  return `${JSON.stringify({ type: 'FeatureCollection', features }, null, 1)}\n`;
}
