/**
 * CSV export of sites for Excel: UTF-8 with a byte-order mark (else Excel shows Chinese as
 * mojibake), CRLF line ends and quoting per RFC 4180, and text cells guarded against formula
 * injection (a site name like "=HYPERLINK(…)" must stay text when the file is opened).
 */
import type { SiteFeature } from '../types';
import { roundCoordinate, SITE_CSV_HEADERS, SITE_KIND_LABELS_ZH, SITE_STATUS_LABELS_ZH } from './labels';

export const UTF8_BOM = '\uFEFF';

type Cell = string | number | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Escapes one cell: numbers as written, text guarded against formulas and quoted when needed. */
export function csvCell(value: Cell): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

function siteRow(site: SiteFeature): Cell[] {
  const properties = site.properties;
  const [longitude, latitude] = site.geometry.coordinates;
  return [
    properties.id,
    properties.name,
    longitude === undefined ? undefined : roundCoordinate(longitude),
    latitude === undefined ? undefined : roundCoordinate(latitude),
    properties.kind ? SITE_KIND_LABELS_ZH[properties.kind] : undefined,
    properties.band,
    properties.heightM,
    properties.powerDbm,
    properties.antennaGainDbi,
    properties.azimuthDeg,
    properties.beamwidthDeg,
    properties.mechanicalTiltDeg,
    properties.electricalTiltDeg,
    properties.verticalBeamwidthDeg,
    properties.status ? SITE_STATUS_LABELS_ZH[properties.status] : undefined,
    properties.poleId,
  ];
}

/** Serialises sites as CSV text starting with a BOM; encode with TextEncoder (UTF-8) to save. */
export function exportSitesCsv(sites: readonly SiteFeature[]): string {
  const lines = [SITE_CSV_HEADERS.map(csvCell).join(',')];
  for (const site of sites) lines.push(siteRow(site).map(csvCell).join(','));
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
