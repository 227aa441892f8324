/**
 * KML and KMZ reading with @tmcw/togeojson over an injected XML parser (the browser's DOMParser, or
 * @xmldom/xmldom in a worker and in Node, where there is none), so this module needs no DOM itself.
 * A document type declaration is refused before parsing: no entity is ever expanded.
 */
import { kml } from '@tmcw/togeojson';
import type { FeatureSource, ImportWarning, XmlParser } from './import-types';
import { ImportFailureError } from './limits';
import { featureSource } from './source-features';
import { boundValues, countUpTo } from './text-bounds';
import { decodeText } from './text-decoding';
import { entryBaseName, isHiddenEntry, unzipWithLimits } from './zip-reader';

/**
 * Most tags (start and end) in a KML: ~500,000 elements, ~0.5 GB as an xmldom DOM — tens of thousands
 * of placemarks. A larger list reads far better as CSV, GeoJSON or GeoPackage; the message says so.
 */
export const KML_MAX_TAGS = 1_000_000;

/** Properties togeojson adds from styles and KML metadata: never a site attribute. */
const STYLE_PROPERTIES = new Set([
  'styleUrl',
  'styleHash',
  'styleMapHash',
  'stroke',
  'stroke-opacity',
  'stroke-width',
  'fill',
  'fill-opacity',
  'icon',
  'icon-opacity',
  'icon-scale',
  'icon-color',
  'icon-heading',
  'icon-offset',
  'icon-offset-units',
  'label-color',
  'label-opacity',
  'label-scale',
  'visibility',
  'timespan',
  'timestamp',
]);

function parseKmlText(
  text: string,
  parseXml: XmlParser,
  format: 'kml' | 'kmz',
  readWarnings: ImportWarning[],
): FeatureSource {
  if (!/<kml[\s>]/i.test(text.slice(0, 4096)) && !/<(\w+:)?Placemark[\s>]/.test(text)) {
    throw new ImportFailureError('invalidXml', { detail: 'no <kml> element' });
  }
  // Rejected before parsing: a DOCTYPE is how entity-expansion attacks start, and KML never needs one.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new ImportFailureError('xmlDoctype');
  // The DOM holds every element at once (~1 kB each in xmldom): bound the tags before parsing.
  boundValues(text, '<Placemark', 1, '<');
  if (countUpTo(text, '<', KML_MAX_TAGS) > KML_MAX_TAGS) {
    throw new ImportFailureError('kmlTooLarge', { limit: KML_MAX_TAGS });
  }
  let document: unknown;
  try {
    document = parseXml(text);
  } catch (error) {
    throw new ImportFailureError('invalidXml', {
      detail: (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200),
    });
  }
  let collection: ReturnType<typeof kml>;
  try {
    collection = kml(document as Document);
  } catch (error) {
    throw new ImportFailureError('invalidXml', {
      detail: (error instanceof Error ? error.message : String(error)).slice(0, 200),
    });
  }
  const features = collection.features.map((feature) => {
    const properties: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(feature.properties ?? {})) {
      if (!STYLE_PROPERTIES.has(key)) properties[key] = value;
    }
    return { ...feature, properties };
  });
  return featureSource(format, features, { encoding: 'utf-8', readWarnings });
}

/** Reads KML bytes (UTF-8, or GB18030 when the bytes are not UTF-8). */
export function readKml(bytes: Uint8Array, parseXml: XmlParser): FeatureSource {
  return parseKmlText(decodeText(bytes).text, parseXml, 'kml', []);
}

/** Reads a KMZ: the zip's doc.kml (or its first .kml at the shallowest level); images are not inflated. */
export function readKmz(bytes: Uint8Array, parseXml: XmlParser): FeatureSource {
  const { files } = unzipWithLimits(
    bytes,
    (entry) => !isHiddenEntry(entry.name) && entryBaseName(entry.name).endsWith('.kml'),
  );
  const names = [...files.keys()].sort(
    (a, b) =>
      Number(entryBaseName(b) === 'doc.kml') - Number(entryBaseName(a) === 'doc.kml') ||
      a.split('/').length - b.split('/').length,
  );
  const chosen = names[0];
  if (chosen === undefined) throw new ImportFailureError('missingPart', { part: '.kml' });
  const readWarnings: ImportWarning[] =
    names.length > 1 ? [{ code: 'kmzEntry', params: { used: chosen, count: names.length } }] : [];
  return parseKmlText(decodeText(files.get(chosen)!).text, parseXml, 'kmz', readWarnings);
}
