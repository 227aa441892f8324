/**
 * SINR and the downlink rate model: thermal noise per resource element, the operators' SINR grades, and a
 * user's rate from SINR by the attenuated Shannon bound of 3GPP TR 36.942 Annex A with rank adaptation,
 * the TS 38.306 resource-element rate, overhead, TDD downlink share and the resource share left at load η.
 * Every factor, its value and its source are in docs/radio.md.
 */
import type { Band } from '../types';
import { SUBCARRIER_SPACING_KHZ, subcarrierCount } from './link-budget';

/** Thermal noise density at 290 K, dBm/Hz. */
export const THERMAL_NOISE_DBM_PER_HZ = -174;

/** N = −174 dBm/Hz + 10·log10(subcarrier spacing) + UE noise figure: noise over one resource element. */
export function noisePerResourceElementDbm(band: Band, noiseFigureDb: number): number {
  return THERMAL_NOISE_DBM_PER_HZ + 10 * Math.log10(SUBCARRIER_SPACING_KHZ[band] * 1000) + noiseFigureDb;
}

/** SINR = S / (η·ΣI + N), all in mW. */
export function sinrLinear(
  signalMw: number,
  interferenceMw: number,
  loadFraction: number,
  noiseMw: number,
): number {
  return signalMw / (loadFraction * interferenceMw + noiseMw);
}

export type SinrGrade = 'excellent' | 'good' | 'fair' | 'poor' | 'bad';

/**
 * Lower edges of the operators' SINR grades, dB: ≥ 25, 16–25, 11–15, 3–10, < 3 (China Mobile's terminal
 * field-test grading), read as [25, ∞), [16, 25), [11, 16), [3, 11), below 3.
 */
export const SINR_GRADE_EDGES_DB: readonly { grade: SinrGrade; minDb: number }[] = [
  { grade: 'excellent', minDb: 25 },
  { grade: 'good', minDb: 16 },
  { grade: 'fair', minDb: 11 },
  { grade: 'poor', minDb: 3 },
  { grade: 'bad', minDb: Number.NEGATIVE_INFINITY },
];

/** Index into SINR_GRADE_EDGES_DB of an SINR in dB. */
export function sinrGradeIndex(sinrDb: number): number {
  return sinrDb >= 25 ? 0 : sinrDb >= 16 ? 1 : sinrDb >= 11 ? 2 : sinrDb >= 3 ? 3 : 4;
}

/** TR 36.942 Annex A: implementation attenuation α and the lowest usable SINR, dB. */
export const SHANNON_ATTENUATION = 0.6;
export const MINIMUM_SINR_DB = -10;
/** 256-QAM at code rate 948/1024, TS 38.214 Table 5.1.3.1-2's highest entry: 7.4063 bit/s/Hz. */
export const PEAK_SPECTRAL_EFFICIENCY = (8 * 948) / 1024;

/** Bits per resource element of one layer: 0 below SINR_min, α·log2(1 + SINR) capped at 256-QAM's peak. */
export function spectralEfficiency(sinrDb: number): number {
  if (sinrDb < MINIMUM_SINR_DB) return 0;
  return Math.min(SHANNON_ATTENUATION * Math.log2(1 + 10 ** (sinrDb / 10)), PEAK_SPECTRAL_EFFICIENCY);
}

/**
 * Bits per resource element over up to `maxLayers` MIMO layers: the rank the UE would report, i.e. the L
 * that maximises L × SE(SINR − 10·log10 L) — the power is split over the layers, so at low SINR one layer
 * wins and only at high SINR do all layers pay.
 */
export function mimoSpectralEfficiency(sinrDb: number, maxLayers: number): number {
  let best = 0;
  for (let layers = 1; layers <= maxLayers; layers++) {
    best = Math.max(best, layers * spectralEfficiency(sinrDb - 10 * Math.log10(layers)));
  }
  return best;
}

/** Per band: the UE's receive layers and the share of time the carrier sends downlink. */
export const BAND_RATE_FACTORS: Record<Band, { maxLayers: number; downlinkShare: number }> = {
  // FDD 700 MHz: 2 receive antennas in the band's phones; downlink all the time.
  n28: { maxLayers: 2, downlinkShare: 1 },
  // TDD 2.6 GHz (China Mobile): 5 ms DDDDDDDSUU, special slot 6:4:4 → (7 × 14 + 6)/140.
  n41: { maxLayers: 4, downlinkShare: 104 / 140 },
  // TDD 3.5 GHz (China Telecom / Unicom): 2.5 ms double period DDDSUDDSUU, special 10:2:2 → (5 × 14 + 2 × 10)/140.
  n78: { maxLayers: 4, downlinkShare: 90 / 140 },
  // TDD 4.9 GHz (China Mobile): the n41 frame.
  n79: { maxLayers: 4, downlinkShare: 104 / 140 },
};

/** Control and reference-signal overhead in the downlink, TS 38.306 §4.1.2 (FR1). */
export const DOWNLINK_OVERHEAD = 0.14;

/**
 * Downlink bit rate per bit/RE of spectral efficiency, Mbit/s: resource elements per second
 * (subcarriers × 14 symbols × 1,000 × 2^μ, TS 38.306 §4.1.2) × (1 − overhead) × the TDD downlink share.
 */
export function rateFactorMbps(band: Band, bandwidthMHz: number): number {
  const spacingKhz = SUBCARRIER_SPACING_KHZ[band];
  const elementsPerSecond = subcarrierCount(bandwidthMHz, spacingKhz) * 14 * 1000 * (spacingKhz / 15);
  return (elementsPerSecond * (1 - DOWNLINK_OVERHEAD) * BAND_RATE_FACTORS[band].downlinkShare) / 1e6;
}

/**
 * A user's downlink rate at load η, Mbit/s (a model estimate): MIMO spectral efficiency at the SINR ×
 * the rate factor × (1 − η), the share of the carrier's resources a new user finds free (the
 * processor-sharing flow rate, C·(1 − ρ)).
 */
export function userRateMbps(sinrDb: number, band: Band, bandwidthMHz: number, loadFraction: number): number {
  return (
    mimoSpectralEfficiency(sinrDb, BAND_RATE_FACTORS[band].maxLayers) *
    rateFactorMbps(band, bandwidthMHz) *
    (1 - loadFraction)
  );
}

/** SINR steps of the grid's tables: 0.01 dB. */
export const SINR_STEPS_PER_DB = 100;
/** Range the grid keeps SINR in, dB (beyond 60 dB every rate is at its peak). */
export const SINR_TABLE_MIN_DB = MINIMUM_SINR_DB;
export const SINR_TABLE_MAX_DB = 60;

const efficiencyTables = new Map<number, Float64Array>();

/**
 * mimoSpectralEfficiency by SINR from SINR_TABLE_MIN_DB to SINR_TABLE_MAX_DB in 0.01 dB steps (index =
 * round((SINR − min) × 100)), for the grid's per-cell rates.
 */
export function efficiencyTable(maxLayers: number): Float64Array {
  let table = efficiencyTables.get(maxLayers);
  if (!table) {
    const count = (SINR_TABLE_MAX_DB - SINR_TABLE_MIN_DB) * SINR_STEPS_PER_DB + 1;
    table = new Float64Array(count);
    for (let index = 0; index < count; index++) {
      table[index] = mimoSpectralEfficiency(SINR_TABLE_MIN_DB + index / SINR_STEPS_PER_DB, maxLayers);
    }
    efficiencyTables.set(maxLayers, table);
  }
  return table;
}
