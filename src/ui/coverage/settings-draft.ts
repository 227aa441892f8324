/**
 * The settings form edits a draft of strings (what the user typed); validation turns it into a
 * settings patch or per-field messages. Pure (tested in Node): the form only renders the result.
 */

import { type CoverageSettings, DENSITY_CLASSES, type RadiusTable } from '../../domain/coverage/settings';
import type { MessageKey } from '../../domain/i18n/translate';
import type { DensityClass } from '../../domain/plan/district-facts';
import { BANDS, type Band, SITE_KINDS, type SiteKind } from '../../domain/types';

/** The form's fields (the mode is switched at the top of the panel, at once). */
export interface SettingsDraft {
  thresholdDbm: string;
  cellM: string;
  minGapAreaKm2: string;
  /** Interference model on (SINR, rate, quality gaps; path-loss mode). */
  sinr: boolean;
  /** Cell load η as a percentage, as typed. */
  loadPercent: string;
  noiseFigureDb: string;
  sinrThresholdDb: string;
  /** `${kind}.${band}.${environment}` → metres as typed. */
  radius: Record<string, string>;
}

export type DraftErrors = Partial<Record<string, MessageKey>>;

export const radiusKey = (kind: SiteKind, band: Band, environment: DensityClass): string =>
  `${kind}.${band}.${environment}`;

/** A draft showing the settings as they are. */
export function draftFromSettings(settings: CoverageSettings): SettingsDraft {
  const radius: Record<string, string> = {};
  for (const kind of SITE_KINDS)
    for (const band of BANDS)
      for (const environment of DENSITY_CLASSES)
        radius[radiusKey(kind, band, environment)] = String(settings.radiusTable[kind][band][environment]);
  return {
    thresholdDbm: String(settings.thresholdDbm),
    cellM: String(settings.cellM),
    minGapAreaKm2: String(settings.minGapAreaKm2),
    sinr: settings.sinr,
    // Rounded so 0.29 × 100 shows as 29, not 28.999999999999996.
    loadPercent: String(Math.round(settings.loadFraction * 10_000) / 100),
    noiseFigureDb: String(settings.noiseFigureDb),
    sinrThresholdDb: String(settings.sinrThresholdDb),
    radius,
  };
}

/** Parses a typed number; accepts a Unicode minus and a decimal comma, rejects empty text. */
export function parseNumber(text: string): number | undefined {
  const cleaned = text
    .trim()
    .replace(/\u2212/g, '-')
    .replace(',', '.');
  if (cleaned === '') return undefined;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : undefined;
}

function checked(
  text: string,
  min: number,
  max: number,
  rangeKey: MessageKey,
): { value?: number; error?: MessageKey } {
  const value = parseNumber(text);
  if (value === undefined) return { error: 'coverage.invalid.number' };
  if (value < min || value > max) return { error: rangeKey };
  return { value };
}

/**
 * Validates a draft: either the settings patch it stands for (only what differs from `current`),
 * or the error message key per field (field names as in the draft; radius fields by radiusKey).
 */
export function validateDraft(
  draft: SettingsDraft,
  current: CoverageSettings,
): { patch: Partial<CoverageSettings>; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const patch: Partial<CoverageSettings> = {};
  const threshold = checked(draft.thresholdDbm, -160, -30, 'coverage.invalid.threshold');
  if (threshold.error) errors.thresholdDbm = threshold.error;
  else if (threshold.value !== current.thresholdDbm) patch.thresholdDbm = threshold.value!;
  const cell = checked(draft.cellM, 25, 200, 'coverage.invalid.cell');
  if (cell.error) errors.cellM = cell.error;
  else if (cell.value !== current.cellM) patch.cellM = cell.value!;
  const minGap = checked(draft.minGapAreaKm2, 0, 100, 'coverage.invalid.minGap');
  if (minGap.error) errors.minGapAreaKm2 = minGap.error;
  else if (minGap.value !== current.minGapAreaKm2) patch.minGapAreaKm2 = minGap.value!;
  if (draft.sinr !== current.sinr) patch.sinr = draft.sinr;
  const load = checked(draft.loadPercent, 0, 100, 'coverage.invalid.load');
  if (load.error) errors.loadPercent = load.error;
  else if (load.value! / 100 !== current.loadFraction) patch.loadFraction = load.value! / 100;
  const noise = checked(draft.noiseFigureDb, 0, 20, 'coverage.invalid.noiseFigure');
  if (noise.error) errors.noiseFigureDb = noise.error;
  else if (noise.value !== current.noiseFigureDb) patch.noiseFigureDb = noise.value!;
  const sinrThreshold = checked(draft.sinrThresholdDb, -20, 50, 'coverage.invalid.sinrThreshold');
  if (sinrThreshold.error) errors.sinrThresholdDb = sinrThreshold.error;
  else if (sinrThreshold.value !== current.sinrThresholdDb) patch.sinrThresholdDb = sinrThreshold.value!;
  let radiusChanged = false;
  const table = structuredClone(current.radiusTable) as RadiusTable;
  for (const kind of SITE_KINDS)
    for (const band of BANDS)
      for (const environment of DENSITY_CLASSES) {
        const key = radiusKey(kind, band, environment);
        const radius = checked(draft.radius[key] ?? '', 10, 20_000, 'coverage.invalid.radius');
        if (radius.error) errors[key] = radius.error;
        else if (radius.value !== table[kind][band][environment]) {
          table[kind][band][environment] = radius.value!;
          radiusChanged = true;
        }
      }
  if (radiusChanged) patch.radiusTable = table;
  return { patch, errors };
}
