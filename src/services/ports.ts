/**
 * Ports the services share: how they reach the app's data files. The app's DataLoader fits as-is;
 * tests pass a small object serving fixtures.
 */
import type { FeatureCollection } from 'geojson';
import type { DataSourceId } from '../domain/layers/catalogue';

export interface DataPort {
  /** The source's data, loaded once and shared; rejects when the file is missing or broken. */
  ensure(id: DataSourceId): Promise<FeatureCollection>;
}
