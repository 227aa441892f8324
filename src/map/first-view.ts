/**
 * The first view fits the city into the map as it is laid out once the side panel has opened: the
 * coverage tab opens when its code has loaded, after the map fitted the city into the wider space, and
 * would otherwise cut the city's west and east off. On each resize the city is fitted again while the
 * camera is still the one last fitted; any other camera (the user's, a link's, story mode's) ends it.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { SHANGHAI_BBOX } from '../domain/plan/district-facts';

export function refitCityUntilMoved(map: MapLibreMap): () => void {
  const [west, south, east, north] = SHANGHAI_BBOX;
  const camera = () => ({ center: map.getCenter(), zoom: map.getZoom() });
  let fitted = camera();
  const stop = () => map.off('resize', onResize);
  const onResize = () => {
    const now = camera();
    const moved =
      Math.abs(now.zoom - fitted.zoom) > 1e-6 ||
      Math.abs(now.center.lng - fitted.center.lng) > 1e-9 ||
      Math.abs(now.center.lat - fitted.center.lat) > 1e-9;
    if (moved) return stop();
    map.fitBounds([west, south, east, north], { padding: 16, animate: false });
    fitted = camera();
  };
  map.on('resize', onResize);
  return stop;
}
