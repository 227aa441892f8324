/**
 * Where each data source's file is. Files come from data/geo through Vite `?url` imports, so they are
 * fingerprinted assets served from the app's own origin and never bundled into the JavaScript.
 * A glob (not one import per file) keeps the build working when a file is absent: that source then
 * fails to load with a clear message while every other layer keeps working.
 */
import type { FeatureCollection } from 'geojson';
import type { DataSourceId } from '../domain/layers/catalogue';

const URLS = import.meta.glob<string>('../../data/geo/*.geojson', {
  query: '?url',
  import: 'default',
  eager: true,
});

/** Files per source; the sample sites have none (generated in a worker: app/sample-baseline.ts). */
export const DATA_FILES: Readonly<Partial<Record<DataSourceId, string>>> = {
  land: 'land.geojson',
  foreshore: 'foreshore.geojson',
  landMask: 'land-mask.geojson',
  environment: 'environment.geojson',
  sea: 'sea.geojson',
  waterBodies: 'water-bodies.geojson',
  rivers: 'rivers.geojson',
  districts: 'districts.geojson',
  districtLabels: 'district-labels.geojson',
  planZones: 'plan-zones.geojson',
  digitalInfrastructure: 'digital-infrastructure.geojson',
  poles: 'sample-poles.geojson',
  metroLines: 'metro-lines.geojson',
  metroStations: 'metro-stations.geojson',
};

/** The served URL of a source's file, or undefined when the file is not in this build. */
export function dataUrl(id: DataSourceId): string | undefined {
  const file = DATA_FILES[id];
  return file === undefined ? undefined : URLS[`../../data/geo/${file}`];
}

/** Fetches and checks one source's GeoJSON; rejects with a message naming the file. */
export async function fetchFeatureCollection(id: DataSourceId): Promise<FeatureCollection> {
  const file = DATA_FILES[id];
  if (file === undefined) throw new Error(`${id} is not part of this build`);
  return fetchDataFile(file);
}

/**
 * Fetches and checks a data/geo file (a map source's, or the administrative boundary the import tests
 * "inside Shanghai" against); rejects with a message naming the file.
 */
export async function fetchDataFile(file: string): Promise<FeatureCollection> {
  const url = URLS[`../../data/geo/${file}`];
  if (!url) throw new Error(`${file} is not part of this build`);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  const data: unknown = await response.json();
  if (
    typeof data !== 'object' ||
    data === null ||
    (data as { type?: unknown }).type !== 'FeatureCollection' ||
    !Array.isArray((data as { features?: unknown }).features)
  ) {
    throw new Error(`${file} is not a GeoJSON FeatureCollection`);
  }
  return data as FeatureCollection;
}
