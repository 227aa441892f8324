/**
 * Chinese column headers and value labels for CSV exports (Excel users in Shanghai read Chinese).
 * Exported so the CSV import can map them back.
 */
import type { SiteKind, SiteStatus } from '../types';

export const SITE_KIND_LABELS_ZH: Readonly<Record<SiteKind, string>> = {
  macro: '宏站',
  micro: '微站',
  indoor: '室分',
};

export const SITE_STATUS_LABELS_ZH: Readonly<Record<SiteStatus, string>> = {
  existing: '现网',
  planned: '规划',
  candidate: '候选',
};

/** The CSV header, in column order. */
export const SITE_CSV_HEADERS = [
  '站点ID',
  '名称',
  '经度',
  '纬度',
  '类型',
  '频段',
  '挂高(米)',
  '功率(dBm)',
  '天线增益(dBi)',
  '方位角',
  '波瓣宽度',
  '机械下倾角',
  '电子下倾角',
  '垂直波瓣宽度',
  '状态',
  '综合杆ID',
] as const;

/** Rounds degrees to 7 decimals (~1 cm), the precision RFC 7946 recommends as ample. */
export function roundCoordinate(degrees: number): number {
  return Math.round(degrees * 1e7) / 1e7;
}
