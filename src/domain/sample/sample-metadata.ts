import type { FeatureCollection, Geometry } from 'geojson';

/** Top-level "metadata" member of a generated collection (a foreign member, allowed by RFC 7946). */
export interface SampleMetadata {
  generator: string;
  seed?: number;
  count: number;
  calibration: string;
  note: string;
}

/** A FeatureCollection carrying a metadata member. */
export type CollectionWithMetadata<G extends Geometry, P> = FeatureCollection<G, P> & {
  metadata: SampleMetadata;
};

/** The label every generated file carries: the data are illustrative, not real. */
export const SAMPLE_NOTE = '示意数据 / sample data';

/** Short district name for site names: 浦东新区 → 浦东, 黄浦区 → 黄浦. */
export function shortDistrictName(name: string): string {
  return name.replace(/(新区|区)$/, '');
}

/**
 * Serialises a collection as compact JSON with one feature per line: byte-stable for a given input,
 * small, and still diffable line by line. The script writes exactly this; the tests compare to it.
 */
export function serializeCollection(collection: FeatureCollection & { metadata?: SampleMetadata }): string {
  const { features, ...head } = collection;
  const headJson = JSON.stringify(head);
  const featureLines = features.map((feature) => JSON.stringify(feature)).join(',\n');
  return `${headJson.slice(0, -1)},"features":[\n${featureLines}\n]}\n`;
}
