/**
 * Number formatting for the coverage panel, per UI language. Pure functions (tested in Node), so the
 * panel, the legend and the e2e tests agree on what "88.8%" means.
 */
import type { Language } from '../../domain/i18n/translate';

const locale = (language: Language): string => (language === 'en' ? 'en-GB' : 'zh-CN');

/** Digits after the point for a percentage on the panel (the e2e tests compare at this precision). */
export const PERCENT_DIGITS = 1;

/** A 0–1 fraction as a percentage, e.g. 0.88814 → "88.8%". */
export function formatPercent(language: Language, fraction: number, digits = PERCENT_DIGITS): string {
  const number = new Intl.NumberFormat(locale(language), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(fraction * 100);
  return `${number}%`;
}

/** An area in km²: one decimal from 10 km², two below, three under 1 km² (small gaps). */
export function formatKm2(language: Language, km2: number): string {
  const digits = Math.abs(km2) >= 10 ? 1 : Math.abs(km2) >= 1 ? 2 : 3;
  const number = new Intl.NumberFormat(locale(language), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(km2);
  return `${number} km²`;
}

/** An integer with the language's grouping, e.g. 32000 → "32,000". */
export function formatCount(language: Language, value: number): string {
  return new Intl.NumberFormat(locale(language), { maximumFractionDigits: 0 }).format(value);
}

/** A signed change, e.g. +0.4 or −1.2 (a true minus sign), with `digits` decimals; 0 shows as ±0. */
export function formatSigned(language: Language, value: number, digits = 1): string {
  const rounded = Number(value.toFixed(digits));
  if (rounded === 0) return `±${(0).toFixed(digits)}`;
  const number = new Intl.NumberFormat(locale(language), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(Math.abs(rounded));
  return `${rounded > 0 ? '+' : '−'}${number}`;
}

/** Seconds from milliseconds with one decimal. */
export function formatSeconds(language: Language, ms: number): string {
  return new Intl.NumberFormat(locale(language), {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(ms / 1000);
}

/** A distance in metres, e.g. "450 m", or "1.2 km" from 1,000 m. */
export function formatDistance(language: Language, metres: number): string {
  if (metres >= 1000) {
    return `${new Intl.NumberFormat(locale(language), { maximumFractionDigits: 1 }).format(metres / 1000)} km`;
  }
  return `${formatCount(language, metres)} m`;
}
