/**
 * Link budget: per-resource-element transmit power, antenna pattern and the RSRP classes used by
 * Chinese operators' drive-test grading. Defaults follow /shared/guides/coverage-model.md; every one
 * is overridable per site through SiteProperties.
 */
import type { DensityClass } from '../plan/district-facts';
import type { Band, SiteKind, SiteProperties } from '../types';
import { type ResolvedAntenna, resolveAntenna } from './antenna-pattern';
import type { LinkCondition, PropagationModel } from './path-loss';

/** Carrier frequency of each band, GHz (centre of the band as deployed in Shanghai). */
export const BAND_FREQUENCY_GHZ: Record<Band, number> = { n28: 0.7, n41: 2.6, n78: 3.5, n79: 4.9 };
/** Subcarrier spacing per band, kHz (FR1 TDD bands 30 kHz, n28 FDD 15 kHz). */
export const SUBCARRIER_SPACING_KHZ: Record<Band, number> = { n28: 15, n41: 30, n78: 30, n79: 30 };

/** NR PRB counts from TS 38.101-1 Table 5.3.2-1 for the bandwidths we meet. */
const PRB_TABLE: Record<number, Record<number, number>> = {
  15: { 5: 25, 10: 52, 15: 79, 20: 106, 25: 133, 30: 160, 40: 216, 50: 270 },
  30: { 10: 24, 20: 51, 40: 106, 50: 133, 60: 162, 80: 217, 90: 245, 100: 273 },
};

/** Number of subcarriers (PRB × 12) for a bandwidth; falls back to 90% occupancy off the table. */
export function subcarrierCount(bandwidthMHz: number, spacingKhz: number): number {
  const prbs = PRB_TABLE[spacingKhz]?.[bandwidthMHz];
  if (prbs !== undefined) return prbs * 12;
  return Math.max(12, Math.floor((bandwidthMHz * 1000 * 0.9) / spacingKhz / 12) * 12);
}

/** Per-resource-element power, dBm: total power − 10·log10(subcarriers). */
export function perResourceElementDbm(
  totalPowerDbm: number,
  bandwidthMHz: number,
  spacingKhz: number,
): number {
  return totalPowerDbm - 10 * Math.log10(subcarrierCount(bandwidthMHz, spacingKhz));
}

export interface SiteRadioDefaults {
  heightM: number;
  powerDbm: number;
  bandwidthMHz: number;
  antennaGainDbi: number;
}

const dbm = (watts: number): number => 10 * Math.log10(watts * 1000);

/** Defaults by kind and band (guide: n78 macro 200 W/100 MHz/24 dBi/25 m; n28 4×60 W/30 MHz/16 dBi …). */
export function radioDefaults(kind: SiteKind, band: Band): SiteRadioDefaults {
  if (kind === 'indoor') return { heightM: 3, powerDbm: dbm(0.25), bandwidthMHz: 100, antennaGainDbi: 3 };
  if (kind === 'micro') {
    return { heightM: 9, powerDbm: dbm(10), bandwidthMHz: band === 'n28' ? 30 : 100, antennaGainDbi: 10 };
  }
  if (band === 'n28') return { heightM: 30, powerDbm: dbm(240), bandwidthMHz: 30, antennaGainDbi: 16 };
  return { heightM: 25, powerDbm: dbm(200), bandwidthMHz: 100, antennaGainDbi: 24 };
}

/** Losses on the user side and planning margins, dB. */
export interface LossSettings {
  bodyLossDb: number;
  shadowMarginDb: number;
  userHeightM: number;
}

export const DEFAULT_LOSSES: LossSettings = { bodyLossDb: 3, shadowMarginDb: 8, userHeightM: 1.5 };

/** A site with every radio parameter filled, its antenna included. */
export interface ResolvedRadio extends SiteRadioDefaults {
  kind: SiteKind;
  band: Band;
  fcGhz: number;
  perReDbm: number;
  antenna: ResolvedAntenna;
}

/** Fill a site's radio parameters from its properties and the kind/band defaults. */
export function resolveRadio(properties: SiteProperties): ResolvedRadio {
  const kind = properties.kind ?? 'macro';
  const band = properties.band ?? 'n78';
  const defaults = radioDefaults(kind, band);
  const bandwidthMHz = properties.bandwidthMHz ?? defaults.bandwidthMHz;
  const powerDbm = properties.powerDbm ?? defaults.powerDbm;
  return {
    kind,
    band,
    heightM: properties.heightM ?? defaults.heightM,
    powerDbm,
    bandwidthMHz,
    antennaGainDbi: properties.antennaGainDbi ?? defaults.antennaGainDbi,
    fcGhz: BAND_FREQUENCY_GHZ[band],
    perReDbm: perResourceElementDbm(powerDbm, bandwidthMHz, SUBCARRIER_SPACING_KHZ[band]),
    antenna: resolveAntenna(properties),
  };
}

/**
 * Which 38.901 scenario and condition a site uses in an environment: macros use UMa (RMa in rural
 * areas), pole-mounted micros UMi – Street Canyon, indoor cells InH. In dense urban and urban areas the
 * link is NLOS; in suburban and rural areas the path loss is the LOS-probability-weighted mean of LOS and
 * NLOS (in dB), because open ground gives the user a real chance of sight of the mast.
 */
export function scenarioFor(
  kind: SiteKind,
  environment: DensityClass,
): { model: PropagationModel; condition: LinkCondition | 'expected' } {
  if (kind === 'indoor') return { model: 'inh', condition: 'nlos' };
  const open = environment === 'suburban' || environment === 'rural';
  if (kind === 'micro') return { model: 'umi', condition: open ? 'expected' : 'nlos' };
  return { model: environment === 'rural' ? 'rma' : 'uma', condition: open ? 'expected' : 'nlos' };
}

export type RsrpClass = 'excellent' | 'good' | 'fair' | 'poor' | 'very_poor';

/** Lower edges of the RSRP classes, dBm (excellent > −85, good −85…−95, fair −95…−105, poor −105…−115). */
export const RSRP_CLASS_EDGES_DBM: readonly { rsrpClass: RsrpClass; minDbm: number }[] = [
  { rsrpClass: 'excellent', minDbm: -85 },
  { rsrpClass: 'good', minDbm: -95 },
  { rsrpClass: 'fair', minDbm: -105 },
  { rsrpClass: 'poor', minDbm: -115 },
  { rsrpClass: 'very_poor', minDbm: Number.NEGATIVE_INFINITY },
];

/** The grading class of an RSRP value in dBm. */
export function rsrpClass(rsrpDbm: number): RsrpClass {
  for (const edge of RSRP_CLASS_EDGES_DBM) if (rsrpDbm >= edge.minDbm) return edge.rsrpClass;
  return 'very_poor';
}
