/**
 * Plain-data shapes passed between the store and the map class, so neither imports the other.
 */
import type { LayerId } from './catalogue';

/** Map view as kept in the URL: zoom and centre in WGS84 degrees. */
export interface MapView {
  zoom: number;
  latitude: number;
  longitude: number;
}

/** A clicked feature: which layer, where (WGS84), and its properties as plain data. */
export interface FeatureSelection {
  layerId: LayerId;
  longitude: number;
  latitude: number;
  properties: Record<string, unknown>;
}
