/**
 * Sites as columns of typed arrays and one string, for moving a whole sample network between a worker and
 * the main thread: the arrays are transferred (no copy) and one string is copied, where a structured clone
 * of 200,000 feature objects costs the main thread about a second. Carries the SiteProperties the samples
 * use (ids, names, kind, band, status, adcode, pole, the radio numbers, synthetic); other properties are
 * not carried.
 */
import {
  BANDS,
  type Band,
  SITE_KINDS,
  SITE_STATUSES,
  type SiteFeature,
  type SiteKind,
  type SiteProperties,
  type SiteStatus,
} from '../types';

/** Numeric properties carried, each as a Float64Array column (NaN = absent). */
export const SITE_NUMBER_FIELDS = [
  'heightM',
  'powerDbm',
  'bandwidthMHz',
  'antennaGainDbi',
  'azimuthDeg',
  'beamwidthDeg',
  'mechanicalTiltDeg',
  'electricalTiltDeg',
  'verticalBeamwidthDeg',
  'radiusM',
] as const satisfies readonly (keyof SiteProperties)[];
/** String properties carried, joined per site (id first; an absent one is empty). */
const STRING_FIELDS = ['id', 'name', 'adcode', 'poleId'] as const satisfies readonly (keyof SiteProperties)[];
const FIELD_SEPARATOR = '\u0001';
const SITE_SEPARATOR = '\u0000';

export interface SiteColumns {
  count: number;
  lon: Float64Array;
  lat: Float64Array;
  numbers: Float64Array[];
  /** 1-based index into SITE_KINDS / BANDS / SITE_STATUSES; 0 = absent. */
  kind: Uint8Array;
  band: Uint8Array;
  status: Uint8Array;
  /** 0 absent, 1 false, 2 true. */
  synthetic: Uint8Array;
  strings: string;
}

/** Encodes sites into columns. */
export function encodeSiteColumns(sites: readonly SiteFeature[]): SiteColumns {
  const count = sites.length;
  const columns: SiteColumns = {
    count,
    lon: new Float64Array(count),
    lat: new Float64Array(count),
    numbers: SITE_NUMBER_FIELDS.map(() => new Float64Array(count).fill(Number.NaN)),
    kind: new Uint8Array(count),
    band: new Uint8Array(count),
    status: new Uint8Array(count),
    synthetic: new Uint8Array(count),
    strings: '',
  };
  const parts: string[] = [];
  sites.forEach((site, index) => {
    const p = site.properties;
    columns.lon[index] = site.geometry.coordinates[0]!;
    columns.lat[index] = site.geometry.coordinates[1]!;
    SITE_NUMBER_FIELDS.forEach((field, column) => {
      const value = p[field];
      if (typeof value === 'number') columns.numbers[column]![index] = value;
    });
    columns.kind[index] = p.kind === undefined ? 0 : SITE_KINDS.indexOf(p.kind) + 1;
    columns.band[index] = p.band === undefined ? 0 : BANDS.indexOf(p.band) + 1;
    columns.status[index] = p.status === undefined ? 0 : SITE_STATUSES.indexOf(p.status) + 1;
    columns.synthetic[index] = p.synthetic === undefined ? 0 : p.synthetic ? 2 : 1;
    parts.push(STRING_FIELDS.map((field) => p[field] ?? '').join(FIELD_SEPARATOR));
  });
  columns.strings = parts.join(SITE_SEPARATOR);
  return columns;
}

/**
 * The columns a site list was decoded from, remembered by the list's identity: a reader that posts the list
 * to another worker (the coverage worker's full compute) sends the columns instead of 100,000 feature
 * objects, a copy of a few typed arrays where a structured clone of the objects cost the page over a
 * second (docs/first-screen.md). Only lists made by decodeSiteColumns are remembered, and a site list is
 * never changed in place (the store replaces it), so the columns always decode to the list's very sites.
 */
const decodedFrom = new WeakMap<readonly SiteFeature[], SiteColumns>();

/** The columns `sites` was decoded from, when it is such a list. */
export function siteColumnsOf(sites: readonly SiteFeature[]): SiteColumns | undefined {
  return decodedFrom.get(sites);
}

/** The buffers to transfer with a message carrying the columns. */
export function siteColumnBuffers(columns: SiteColumns): ArrayBuffer[] {
  return [
    columns.lon,
    columns.lat,
    ...columns.numbers,
    columns.kind,
    columns.band,
    columns.status,
    columns.synthetic,
  ].map((array) => array.buffer as ArrayBuffer);
}

/** Decodes columns back into site features (properties in a fixed order, absent ones left out). */
export function decodeSiteColumns(columns: SiteColumns): SiteFeature[] {
  const records = columns.count === 0 ? [] : columns.strings.split(SITE_SEPARATOR);
  if (records.length !== columns.count) throw new Error('site columns: strings do not match the count');
  const sites: SiteFeature[] = new Array(columns.count);
  const fieldCount = SITE_NUMBER_FIELDS.length;
  for (let index = 0; index < columns.count; index++) {
    // Fields found by position rather than split: no array per site (the page decodes 100,000 of them).
    const record = records[index]!;
    const nameAt = record.indexOf(FIELD_SEPARATOR);
    const adcodeAt = record.indexOf(FIELD_SEPARATOR, nameAt + 1);
    const poleAt = record.indexOf(FIELD_SEPARATOR, adcodeAt + 1);
    if (poleAt < 0) throw new Error(`site columns: site ${index} does not have its four strings`);
    const properties: SiteProperties = { id: record.slice(0, nameAt) };
    const name = record.slice(nameAt + 1, adcodeAt);
    const adcode = record.slice(adcodeAt + 1, poleAt);
    const poleId = record.slice(poleAt + 1);
    if (name) properties.name = name;
    const kind = columns.kind[index]!;
    if (kind > 0) properties.kind = SITE_KINDS[kind - 1] as SiteKind;
    const band = columns.band[index]!;
    if (band > 0) properties.band = BANDS[band - 1] as Band;
    for (let column = 0; column < fieldCount; column++) {
      const value = columns.numbers[column]![index]!;
      if (!Number.isNaN(value)) properties[SITE_NUMBER_FIELDS[column]!] = value;
    }
    const status = columns.status[index]!;
    if (status > 0) properties.status = SITE_STATUSES[status - 1] as SiteStatus;
    if (adcode) properties.adcode = adcode;
    if (poleId) properties.poleId = poleId;
    const synthetic = columns.synthetic[index]!;
    if (synthetic > 0) properties.synthetic = synthetic === 2;
    sites[index] = {
      type: 'Feature',
      properties,
      geometry: { type: 'Point', coordinates: [columns.lon[index]!, columns.lat[index]!] },
    };
  }
  decodedFrom.set(sites, columns);
  return sites;
}
