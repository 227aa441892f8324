/**
 * Reading a measurement's own values from cell text: RSRP (required, −150…−20 dBm), SINR, PCI and time
 * (optional: a bad one is dropped from the sample, which keeps its RSRP, and the import counts it).
 */
import { parseNumberCell } from './value-parsing';

/** Received levels a UE can report (TS 38.133 reports −156…−31 dBm); outside this a value is an error. */
export const RSRP_RANGE_DBM = { min: -150, max: -20 } as const;
/** SINR a UE reports (TS 38.133: −23…40 dB); a little room either side. */
export const SINR_RANGE_DB = { min: -30, max: 50 } as const;
/** NR physical cell ids 0…1007 (LTE's 0…503 fall inside). */
export const PCI_RANGE = { min: 0, max: 1007 } as const;

/** Hours east of UTC for local times without a zone: Chinese logs are written in China Standard Time. */
export const LOCAL_TIME_OFFSET_HOURS = 8;
const HOUR_MS = 3_600_000;
const EXCEL_EPOCH_DAYS = 25_569;
const DAY_MS = 86_400_000;

const DATE_TIME =
  /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A time as milliseconds since 1970 UTC: "2024-05-01 10:31:05(.123)", ISO 8601 with or without a zone,
 * "2024/5/1 10:31", Unix seconds or milliseconds, or an Excel serial day (xlsx dates). Undefined if not a
 * time. Times without a zone are read as China Standard Time (UTC+8).
 */
export function parseTimeCell(text: string): number | undefined {
  const trimmed = text.trim();
  const match = DATE_TIME.exec(trimmed);
  if (match) {
    const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '0', zone] = match;
    const monthIndex = Number(month) - 1;
    if (monthIndex < 0 || monthIndex > 11 || Number(day) < 1 || Number(day) > 31) return undefined;
    if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 60) return undefined;
    const utc = Date.UTC(
      Number(year),
      monthIndex,
      Number(day),
      Number(hour),
      Number(minute),
      Number(second),
      Number(fraction.padEnd(3, '0').slice(0, 3)),
    );
    return utc - zoneOffsetHours(zone) * HOUR_MS;
  }
  const value = parseNumberCell(trimmed);
  if (value === undefined) return undefined;
  // Excel serial days 1954–2119 (xlsx stores dates as numbers), Unix seconds 2001–2286, else milliseconds.
  if (value >= 20_000 && value < 80_000)
    return (value - EXCEL_EPOCH_DAYS) * DAY_MS - LOCAL_TIME_OFFSET_HOURS * HOUR_MS;
  if (value >= 1e9 && value < 1e10) return value * 1000;
  if (value >= 1e12 && value < 1e13) return value;
  return undefined;
}

function zoneOffsetHours(zone: string | undefined): number {
  if (zone === undefined) return LOCAL_TIME_OFFSET_HOURS;
  if (zone === 'Z') return 0;
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) + Number(digits.slice(3, 5)) / 60);
}

/** A number within a range, or undefined ("12 dB" reads as 12; parseNumberCell knows dBm, not dB). */
export function numberWithin(text: string, range: { min: number; max: number }): number | undefined {
  const value = parseNumberCell(text.replace(/\s*db$/i, ''));
  return value !== undefined && value >= range.min && value <= range.max ? value : undefined;
}

/** A PCI: an integer 0…1007. */
export function parsePci(text: string): number | undefined {
  const value = numberWithin(text, PCI_RANGE);
  return value !== undefined && Number.isInteger(value) ? value : undefined;
}
