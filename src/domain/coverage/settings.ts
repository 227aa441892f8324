/** Coverage settings: mode, threshold, grid size, losses and the editable radius table. */
import { type EnvironmentCorrection, readCorrections } from '../calibration/corrections';
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
  /** Path-loss mode: also sum interference per band and grade SINR and rate (docs/radio.md). */
  sinr: boolean;
  /** Cell load η, 0–1: the share of the interferers' resources in use. */
  loadFraction: number;
  /** UE noise figure, dB. */
  noiseFigureDb: number;
  /** A covered cell whose SINR is below this is a quality gap, dB. */
  sinrThresholdDb: number;
  /**
   * Path-loss corrections by environment class from a calibration on measurements (docs/calibration.md):
   * the scenario's calibration, or a CLI's --calibration file; empty for the plain model.
   */
  corrections: readonly EnvironmentCorrection[];
  /** How far below the serving floor a site still counts as an interferer, dB (docs/radio.md). */
  interferenceMarginDb: number;
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
    sinr: false,
    loadFraction: 0.5,
    noiseFigureDb: 7,
    sinrThresholdDb: 3,
    corrections: [],
    interferenceMarginDb: INTERFERENCE_MARGIN_DB,
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
  if (typeof merged.sinr !== 'boolean') throw new RangeError('sinr must be true or false');
  if (!(merged.loadFraction >= 0 && merged.loadFraction <= 1))
    throw new RangeError('loadFraction must be between 0 and 1');
  if (!(merged.noiseFigureDb >= 0 && merged.noiseFigureDb <= 20))
    throw new RangeError('noiseFigureDb must be between 0 and 20 dB');
  if (!(merged.sinrThresholdDb >= -20 && merged.sinrThresholdDb <= 50))
    throw new RangeError('sinrThresholdDb must be between -20 and 50 dB');
  if (patch.corrections !== undefined) {
    try {
      merged.corrections = readCorrections(patch.corrections);
    } catch (error) {
      throw new RangeError(error instanceof Error ? error.message : String(error));
    }
  }
  if (
    !(
      Number.isInteger(merged.interferenceMarginDb) &&
      merged.interferenceMarginDb >= 0 &&
      merged.interferenceMarginDb <= 30
    )
  )
    throw new RangeError('interferenceMarginDb must be a whole number of dB between 0 and 30');
  return merged;
}

/** Lowest RSRP the engine keeps per cell, dBm: the "poor" class edge or the threshold, whichever is lower. */
export function rsrpFloorDbm(settings: Pick<CoverageSettings, 'thresholdDbm'>): number {
  return Math.min(settings.thresholdDbm, -115);
}

/** Default of `interferenceMarginDb` (docs/radio.md). */
export const INTERFERENCE_MARGIN_DB = 10;

/**
 * Weakest received power summed as interference, dBm: the interference reach ends there. It lies
 * INTERFERENCE_MARGIN_DB below the serving floor, so it reaches farther than any site can serve.
 */
export function interferenceFloorDbm(
  settings: Pick<CoverageSettings, 'thresholdDbm' | 'interferenceMarginDb'>,
): number {
  return rsrpFloorDbm(settings) - settings.interferenceMarginDb;
}

/**
 * A kernel's cut for a site of dB offset `offsetDb` (per-RE power + gain − losses): kernel values (−path
 * loss + vertical pattern) above it are kept. Rounded down to a whole dB so sites with nearly equal
 * offsets share a kernel; the reach therefore ends where the boresight power drops to at most 1 dB below
 * the floor.
 */
export function kernelCutDb(floorDbm: number, offsetDb: number): number {
  return Math.floor(floorDbm - offsetDb);
}

/** Value the grid starts from: nothing at or below it wins a cell. */
export function floorValue(settings: CoverageSettings): number {
  return settings.mode === 'radius' ? -0.5 : rsrpFloorDbm(settings);
}

/**
 * Value at or above which a served cell counts as covered. In radius mode every served cell is covered
 * (its value, 1 − (d/r)², is ≥ 0 up to rounding at the rim), so the bar sits between the floor and 0.
 */
export function coverValue(settings: CoverageSettings): number {
  return settings.mode === 'radius' ? -0.25 : settings.thresholdDbm;
}

/**
 * Values at which a full compute splits every kernel into rings, strongest first: the threshold, then the
 * floor (path-loss mode); one level in radius mode. A ring below a level can only change land still below
 * that level, so the weak tails skip ground that is already covered. (Extra rings at the −75/−85/−95 dBm
 * class edges were measured and gave no gain: an 8×8 block almost always holds one weaker cell.)
 */
export function mergeLevels(settings: CoverageSettings): number[] {
  if (settings.mode === 'radius') return [floorValue(settings)];
  const floor = rsrpFloorDbm(settings);
  return settings.thresholdDbm > floor ? [settings.thresholdDbm, floor] : [floor];
}
