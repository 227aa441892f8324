/** Number formatting shared by the district panel, the printable report and story mode. */
import type { Language } from '../../domain/i18n/translate';

const locale = (language: Language) => (language === 'en' ? 'en-GB' : 'zh-CN');

/** An area in km²: two decimals below 10 km², one above. */
export function formatKm2(language: Language, km2: number): string {
  return km2.toLocaleString(locale(language), {
    maximumFractionDigits: km2 < 10 ? 2 : 1,
    minimumFractionDigits: km2 < 10 ? 2 : 1,
  });
}

/** A fraction as a percentage with one decimal. */
export function formatPercent(language: Language, fraction: number): string {
  return `${(fraction * 100).toLocaleString(locale(language), { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
}

/** A whole number with thousands separators. */
export function formatCount(language: Language, count: number): string {
  return count.toLocaleString(locale(language), { maximumFractionDigits: 0 });
}

/** A decimal with `digits` places. */
export function formatDecimal(language: Language, value: number, digits: number): string {
  return value.toLocaleString(locale(language), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** A distance in metres (rounded), or a dash. */
export function formatMetres(language: Language, metres: number | null): string {
  return metres === null
    ? '—'
    : `${formatCount(language, Math.round(metres))} ${language === 'en' ? 'm' : '米'}`;
}

/** A clock time (hours and minutes) in the app's language, not the browser's. */
export function formatTime(language: Language, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return date.toLocaleTimeString(locale(language), { hour: '2-digit', minute: '2-digit', hour12: false });
}

/**
 * A calendar date in the app's language and the user's time zone (2026年12月5日 / 5 December 2026):
 * not the UTC date an ISO string starts with, which is yesterday in Shanghai before 08:00.
 */
export function formatDate(language: Language, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return date.toLocaleDateString(locale(language), { year: 'numeric', month: 'long', day: 'numeric' });
}

/** A date and time in the app's language, not the browser's (e.g. 2025-03-01 08:05 / 1 Mar 2025, 08:05). */
export function formatDateTime(language: Language, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return date.toLocaleString(locale(language), {
    year: 'numeric',
    month: language === 'en' ? 'short' : '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
}

/** A byte count as KB, MB or GB (1 KB = 1,024 bytes) with one decimal from MB. */
export function formatBytes(language: Language, bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${formatDecimal(language, value, unit >= 2 ? 1 : 0)} ${units[unit]}`;
}
