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

export const DATA_FILES: Readonly<Record<DataSourceId, string>> = {
  land: 'land.geojson',
  sea: 'sea.geojson',
  waterBodies: 'water-bodies.geojson',
  rivers: 'rivers.geojson',
  districts: 'districts.geojson',
  districtLabels: 'district-labels.geojson',
  planZones: 'plan-zones.geojson',
  digitalInfrastructure: 'digital-infrastructure.geojson',
  sites: 'sample-sites-2020.geojson',
  poles: 'sample-poles.geojson',
  metroLines: 'metro-lines.geojson',
  metroStations: 'metro-stations.geojson',
};

/** The served URL of a source's file, or undefined when the file is not in this build. */
export function dataUrl(id: DataSourceId): string | undefined {
  return URLS[`../../data/geo/${DATA_FILES[id]}`];
}

/** Fetches and checks one source's GeoJSON; rejects with a message naming the file. */
export async function fetchFeatureCollection(id: DataSourceId): Promise<FeatureCollection> {
  return fetchDataFile(DATA_FILES[id]);
}

/**
 * Fetches and checks a data/geo file that is no map source (the administrative boundary the import
 * tests "inside Shanghai" against); rejects with a message naming the file.
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
