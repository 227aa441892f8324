/** KML 2.2 export of sites (Google Earth, 奥维 and most GIS tools read it). */
import type { SiteFeature, SiteProperties } from '../types';
import { roundCoordinate } from './labels';

/** XML 1.0 forbids these even escaped; a stray one would make the whole file unreadable. */
function isXmlCharacter(code: number): boolean {
  if (code < 0x20) return code === 0x09 || code === 0x0a || code === 0x0d;
  return code !== 0xfffe && code !== 0xffff;
}

/** Escapes text for XML element content and attribute values. */
export function escapeXml(text: string): string {
  let allowed = '';
  for (const character of text) if (isXmlCharacter(character.codePointAt(0) ?? 0)) allowed += character;
  return allowed
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

function placemark(site: SiteFeature): string {
  const properties = site.properties;
  const data = (Object.keys(properties) as (keyof SiteProperties)[])
    .filter((field) => properties[field] !== undefined)
    .map(
      (field) =>
        `        <Data name="${escapeXml(field)}"><value>${escapeXml(String(properties[field]))}</value></Data>`,
    );
  const coordinates = site.geometry.coordinates.map(roundCoordinate).join(',');
  return [
    '    <Placemark>',
    `      <name>${escapeXml(properties.name ?? properties.id)}</name>`,
    '      <ExtendedData>',
    ...data,
    '      </ExtendedData>',
    `      <Point><coordinates>${coordinates}</coordinates></Point>`,
    '    </Placemark>',
  ].join('\n');
}

/** Serialises sites as a KML 2.2 document named `documentName`. */
export function exportSitesKml(sites: readonly SiteFeature[], documentName: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<kml xmlns="http://www.opengis.net/kml/2.2">',
    '  <Document>',
    `    <name>${escapeXml(documentName)}</name>`,
    ...sites.map(placemark),
    '  </Document>',
    '</kml>',
    '',
  ].join('\n');
}
