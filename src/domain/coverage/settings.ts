/** Coverage settings: mode, threshold, grid size, losses and the editable radius table. */
import type { DensityClass } from '../plan/district-facts';
import { DEFAULT_LOSSES, type LossSettings } from '../propagation/link-budget';
import type { Band, SiteKind } from '../types';

export type CoverageMode = 'radius' | 'pathloss';
export const DENSITY_CLASSES: readonly DensityClass[] = ['dense_urban', 'urban', 'suburban', 'rural'];

/** Coverage radius in metres by kind, band and environment (the plan map's "coverage buffers"). */
export type RadiusTable = Record<SiteKind, Record<Band, Record<DensityClass, number>>>;

export interface CoverageSettings {
  mode: CoverageMode;
  /** Cell edge, metres, 25–200. */
  cellM: number;
  /** A cell is covered when its best-server RSRP is at least this, dBm (path-loss mode). */
  thresholdDbm: number;
  losses: LossSettings;
  radiusTable: RadiusTable;
  /** Cells within this distance of a metro station are raised one density class, metres. */
  metroUpliftM: number;
  /** Gaps smaller than this are not reported, km². */
  minGapAreaKm2: number;
  /** Priority weight of a gap inside a plan zone, by zone kind (a zone's own `weight` wins). */
  zoneWeights: Record<string, number>;
}

const MACRO_N78: Record<DensityClass, number> = { dense_urban: 300, urban: 450, suburban: 700, rural: 1200 };
const BAND_FACTOR: Record<Band, number> = { n28: 2, n41: 1.1, n78: 1, n79: 0.85 };
const MICRO: Record<DensityClass, number> = { dense_urban: 150, urban: 150, suburban: 200, rural: 250 };
const INDOOR: Record<DensityClass, number> = { dense_urban: 50, urban: 50, suburban: 50, rural: 50 };

function scaled(base: Record<DensityClass, number>, factor: number): Record<DensityClass, number> {
  return {
    dense_urban: Math.round(base.dense_urban * factor),
    urban: Math.round(base.urban * factor),
    suburban: Math.round(base.suburban * factor),
    rural: Math.round(base.rural * factor),
  };
}

function byBand(base: Record<DensityClass, number>): Record<Band, Record<DensityClass, number>> {
  return {
    n28: scaled(base, BAND_FACTOR.n28),
    n41: scaled(base, BAND_FACTOR.n41),
    n78: scaled(base, BAND_FACTOR.n78),
    n79: scaled(base, BAND_FACTOR.n79),
  };
}

/** The default radius table: n78 macro 300/450/700/1,200 m, other bands scaled, 700 MHz twice n78. */
export function defaultRadiusTable(): RadiusTable {
  return { macro: byBand(MACRO_N78), micro: byBand(MICRO), indoor: byBand(INDOOR) };
}

/** Default settings: radius mode, 50 m cells, −105 dBm threshold. */
export function defaultCoverageSettings(): CoverageSettings {
  return {
    mode: 'radius',
    cellM: 50,
    thresholdDbm: -105,
    losses: { ...DEFAULT_LOSSES },
    radiusTable: defaultRadiusTable(),
    metroUpliftM: 800,
    minGapAreaKm2: 0.01,
    zoneWeights: { key_area: 2, new_town: 2, wing: 1.5 },
  };
}

/** Merge a partial settings patch onto settings, validating ranges; throws RangeError on bad values. */
export function mergeSettings(base: CoverageSettings, patch: Partial<CoverageSettings>): CoverageSettings {
  const merged: CoverageSettings = {
    ...base,
    ...patch,
    losses: { ...base.losses, ...(patch.losses ?? {}) },
    zoneWeights: { ...base.zoneWeights, ...(patch.zoneWeights ?? {}) },
    radiusTable: patch.radiusTable ?? base.radiusTable,
  };
  if (merged.mode !== 'radius' && merged.mode !== 'pathloss')
    throw new RangeError(`unknown mode ${merged.mode}`);
  if (!(merged.cellM >= 25 && merged.cellM <= 200))
    throw new RangeError('cellM must be between 25 and 200 m');
  if (!Number.isFinite(merged.thresholdDbm) || merged.thresholdDbm > -30 || merged.thresholdDbm < -160) {
    throw new RangeError('thresholdDbm must be between -160 and -30 dBm');
  }
  if (!(merged.minGapAreaKm2 >= 0)) throw new RangeError('minGapAreaKm2 must be >= 0');
  return merged;
}

/** Lowest RSRP the engine keeps per cell, dBm: the "poor" class edge or the threshold, whichever is lower. */
export function rsrpFloorDbm(settings: CoverageSettings): number {
  return Math.min(settings.thresholdDbm, -115);
}
