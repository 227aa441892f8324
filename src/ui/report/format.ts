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
