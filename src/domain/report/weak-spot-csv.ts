/**
 * The weak spots of a report as CSV for Excel: UTF-8 BOM, CRLF, RFC 4180 quoting and the formula
 * guard of the site export (csvCell). Headers are bilingual so one file serves both audiences.
 */
import { csvCell, UTF8_BOM } from '../export/csv-export';
import type { AreaReport } from './area-report';
import { WEAK_SPOT_POLE_RADIUS_M } from './area-report';

export const WEAK_SPOT_CSV_HEADERS = [
  '排名 rank',
  '弱覆盖区编号 gap id',
  '所在区 district',
  '面积 area (km²)',
  '优先级 priority score',
  '中心经度 centroid longitude',
  '中心纬度 centroid latitude',
  `${WEAK_SPOT_POLE_RADIUS_M} 米内综合杆 poles within ${WEAK_SPOT_POLE_RADIUS_M} m`,
  '最近综合杆距离 nearest pole (m)',
] as const;

/** Rounds to `decimals` places for the file (what the panel shows, plus a little more). */
function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** The report's weak spots as CSV text starting with a BOM; encode with TextEncoder (UTF-8) to save. */
export function weakSpotsCsv(report: AreaReport): string {
  const lines = [WEAK_SPOT_CSV_HEADERS.map(csvCell).join(',')];
  for (const spot of report.weakSpots) {
    lines.push(
      [
        spot.rank,
        spot.gapId,
        spot.districtName,
        round(spot.areaKm2, 3),
        round(spot.priorityScore, 1),
        round(spot.centroid[0], 5),
        round(spot.centroid[1], 5),
        spot.polesWithinRadius,
        spot.nearestPoleM === null ? undefined : Math.round(spot.nearestPoleM),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}

/** A file name for the report's files: area name, date, extension; no characters Windows forbids. */
export function reportFileName(areaName: string, dateIso: string, extension: string): string {
  const safe = areaName.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '');
  return `${safe || 'area'}-${dateIso.slice(0, 10)}.${extension}`;
}
