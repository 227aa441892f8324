/**
 * 工参体检, the parameter check run after an import: the values operators' optimisation teams flag in
 * an engineering-parameter sheet, each with its row numbers. It judges the file, not the planner's
 * model: findings never block an import. Thresholds and their reasons are in docs/import.md.
 * Linear in the rows: sectors are grouped by mast (same position), masts near each other are found
 * through a grid of 100 m buckets.
 */
import { localMetresFrame } from '../geo/geodesy';
import { districtFacts } from '../plan/district-facts';
import type { Band, SiteKind } from '../types';

/** A mast at or above this height is flagged (overshooting, hard to maintain), metres. */
export const MAST_TALL_M = 50;
/** A macro mast below this height is flagged (blocked by the street, small footprint), metres. */
export const MAST_LOW_M = 10;
/** Total downtilt (mechanical + electrical) accepted, degrees. */
export const TILT_RANGE_DEG = { min: 2, max: 16 } as const;
/**
 * Sectors of one band on one mast closer than this in azimuth overlap, degrees. Sectors on the very same
 * azimuth are not judged: they are two carriers (or bands a sheet files under one) of one antenna.
 */
export const MIN_SECTOR_SEPARATION_DEG = 65;
/** Masts closer than this in dense urban areas are flagged (redundant, or one is misplaced), metres. */
export const MIN_DENSE_URBAN_SPACING_M = 100;

export type CheckCode =
  | 'mastTall'
  | 'mastLow'
  | 'tiltOutside'
  | 'sectorsClose'
  | 'sitesClose'
  | 'exactDuplicate';
export const CHECK_CODES: readonly CheckCode[] = [
  'mastTall',
  'mastLow',
  'tiltOutside',
  'sectorsClose',
  'sitesClose',
  'exactDuplicate',
];

const CODE_RANK = Object.fromEntries(CHECK_CODES.map((code, rank) => [code, rank])) as Record<
  CheckCode,
  number
>;

export interface CheckFinding {
  code: CheckCode;
  /** The row (or feature) number the finding is about. */
  row: number;
  /** The other row of a pair (sectors or sites too close, the row an exact duplicate repeats). */
  otherRow?: number;
  /** The value judged: height (m), total tilt (°), separation (°) or distance (m). */
  value?: number;
}

export interface ParameterCheck {
  findings: CheckFinding[];
  counts: Record<CheckCode, number>;
  /** Rows the check looked at (the imported ones). */
  checkedRows: number;
}

/** What the check needs of an imported site. */
export interface CheckedSite {
  row: number;
  lon: number;
  lat: number;
  kind?: SiteKind;
  band?: Band;
  heightM?: number;
  azimuthDeg?: number;
  /** Total downtilt, degrees (the file's total, or mechanical + electrical). */
  totalTiltDeg?: number;
  adcode?: string;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** Runs the check over imported sites; `exactDuplicates` are rows repeating an earlier row cell for cell. */
export function checkParameters(
  sites: readonly CheckedSite[],
  exactDuplicates: readonly { row: number; firstRow: number }[] = [],
): ParameterCheck {
  const findings: CheckFinding[] = [];
  const masts = new Map<string, CheckedSite[]>();
  for (const site of sites) {
    // Masts, not cells: indoor systems and pole-mounted micros are not judged by mast height or tilt.
    const outdoorMacro = site.kind === undefined || site.kind === 'macro';
    if (outdoorMacro && site.heightM !== undefined) {
      if (site.heightM >= MAST_TALL_M)
        findings.push({ code: 'mastTall', row: site.row, value: site.heightM });
      else if (site.heightM < MAST_LOW_M)
        findings.push({ code: 'mastLow', row: site.row, value: site.heightM });
    }
    const tilt = site.totalTiltDeg;
    if (
      site.kind !== 'indoor' &&
      tilt !== undefined &&
      (tilt < TILT_RANGE_DEG.min || tilt > TILT_RANGE_DEG.max)
    ) {
      findings.push({ code: 'tiltOutside', row: site.row, value: tilt });
    }
    const key = `${site.lon.toFixed(6)},${site.lat.toFixed(6)}`;
    const mast = masts.get(key);
    if (mast) mast.push(site);
    else masts.set(key, [site]);
  }
  for (const sectors of masts.values()) checkSectors(sectors, findings);
  checkSpacing(
    [...masts.values()].map((sectors) => sectors[0]!),
    findings,
  );
  for (const duplicate of exactDuplicates) {
    findings.push({ code: 'exactDuplicate', row: duplicate.row, otherRow: duplicate.firstRow });
  }
  findings.sort((a, b) => a.row - b.row || CODE_RANK[a.code] - CODE_RANK[b.code]);
  const counts = Object.fromEntries(CHECK_CODES.map((code) => [code, 0])) as Record<CheckCode, number>;
  for (const finding of findings) counts[finding.code]++;
  return { findings, counts, checkedRows: sites.length };
}

/**
 * Neighbouring azimuths of one band on one mast (in azimuth order, around the circle) closer than 65°.
 * Sectors sharing an azimuth count as one direction (the first row stands for it): a second carrier on
 * 240° is not "0° from" the first, and a pair of directions is reported once.
 */
function checkSectors(sectors: readonly CheckedSite[], findings: CheckFinding[]): void {
  if (sectors.length < 2) return;
  const byBand = new Map<string, CheckedSite[]>();
  for (const sector of sectors) {
    if (sector.azimuthDeg === undefined || sector.kind === 'indoor') continue;
    const band = sector.band ?? '';
    const list = byBand.get(band);
    if (list) list.push(sector);
    else byBand.set(band, [sector]);
  }
  for (const list of byBand.values()) {
    if (list.length < 2) continue;
    const sorted = [...list]
      .sort((a, b) => a.azimuthDeg! - b.azimuthDeg! || a.row - b.row)
      .filter((sector, index, all) => index === 0 || sector.azimuthDeg !== all[index - 1]!.azimuthDeg);
    // A full circle (0° and 360°) is one direction too.
    if (sorted.length > 1 && sorted.at(-1)!.azimuthDeg! - sorted[0]!.azimuthDeg! === 360) sorted.pop();
    if (sorted.length < 2) continue;
    // Two sectors have one gap between them, not two: a pair is judged once.
    const pairs = sorted.length === 2 ? 1 : sorted.length;
    for (let index = 0; index < pairs; index++) {
      const first = sorted[index]!;
      const second = sorted[(index + 1) % sorted.length]!;
      const gap = (((second.azimuthDeg! - first.azimuthDeg!) % 360) + 360) % 360;
      const separation = Math.min(gap, 360 - gap);
      if (separation < MIN_SECTOR_SEPARATION_DEG) {
        const [earlier, later] = first.row < second.row ? [first, second] : [second, first];
        findings.push({
          code: 'sectorsClose',
          row: later.row,
          otherRow: earlier.row,
          value: round1(separation),
        });
      }
    }
  }
}

/**
 * A bucket's key as one number: rows (latitude) stay within ±100,000 buckets of 100 m, so a column
 * times 2^20 plus the row never collides, and a Map of numbers spares a string per lookup.
 */
const bucketKey = (column: number, row: number) => column * 1_048_576 + row;

/** Masts closer than 100 m to another where either stands in a dense urban district. */
function checkSpacing(masts: readonly CheckedSite[], findings: CheckFinding[]): void {
  const dense = masts.map(
    (site) => site.adcode !== undefined && districtFacts(site.adcode)?.densityClass === 'dense_urban',
  );
  if (!dense.includes(true)) return;
  const frame = localMetresFrame(31.2);
  const columns = new Float64Array(masts.length);
  const rows = new Float64Array(masts.length);
  const buckets = new Map<number, number[]>();
  masts.forEach((mast, index) => {
    const column = Math.floor((mast.lon * frame.metresPerDegreeLon) / MIN_DENSE_URBAN_SPACING_M);
    const row = Math.floor((mast.lat * frame.metresPerDegreeLat) / MIN_DENSE_URBAN_SPACING_M);
    columns[index] = column;
    rows[index] = row;
    const key = bucketKey(column, row);
    const list = buckets.get(key);
    if (list) list.push(index);
    else buckets.set(key, [index]);
  });
  masts.forEach((mast, index) => {
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const otherIndex of buckets.get(bucketKey(columns[index]! + dx, rows[index]! + dy)) ?? []) {
          const other = masts[otherIndex]!;
          // Each pair once, reported on its later row.
          if (other.row >= mast.row || !(dense[index] || dense[otherIndex])) continue;
          const distanceM = Math.hypot(
            (mast.lon - other.lon) * frame.metresPerDegreeLon,
            (mast.lat - other.lat) * frame.metresPerDegreeLat,
          );
          if (distanceM < MIN_DENSE_URBAN_SPACING_M) {
            findings.push({
              code: 'sitesClose',
              row: mast.row,
              otherRow: other.row,
              value: round1(distanceM),
            });
          }
        }
      }
    }
  });
}
