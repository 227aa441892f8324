/**
 * Fills a data source, and for the plan zones also their label points (one per zone, see
 * domain/geo/label-points.ts), so a zone's name is drawn once however many tiles it spans.
 */
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { labelPoints } from '../domain/geo/label-points';
import type { DataSourceId } from '../domain/layers/catalogue';
import { PLAN_ZONE_LABEL_SOURCE } from './layer-factories';

export function setSourceAndLabels(map: MapLibreMap, id: DataSourceId, data: FeatureCollection): void {
  map.getSource<GeoJSONSource>(id)?.setData(data);
  if (id === 'planZones') map.getSource<GeoJSONSource>(PLAN_ZONE_LABEL_SOURCE)?.setData(labelPoints(data));
}
