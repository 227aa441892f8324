/**
 * Base-station antenna pattern in the 3GPP form (TR 36.814 Table A.2.1.1-2, TR 38.901 Table 7.3-1):
 * a horizontal and a vertical parabola in dB, each floored, combined and floored again. Angles in
 * degrees; attenuations in dB relative to the boresight gain (≤ 0). Defaults per kind and band, with
 * their sources, are in docs/radio.md.
 */
import type { Band, SiteKind, SiteProperties } from '../types';

/** Maximum attenuation of the combined (and the horizontal) pattern, A_m, dB. */
export const MAXIMUM_ATTENUATION_DB = 30;
/** Side-lobe level of the vertical pattern, SLA_V, dB. */
export const VERTICAL_SIDE_LOBE_DB = 30;
/** Horizontal half-power beamwidth of a sector when none is given, degrees (3GPP φ3dB = 65°). */
export const DEFAULT_BEAMWIDTH_DEG = 65;

/** A_H(φ) = −min(12 (φ/φ3dB)², A_m); φ is folded into −180…180 first. */
export function horizontalAttenuationDb(offBoresightDeg: number, beamwidthDeg: number): number {
  let angle = Math.abs(offBoresightDeg) % 360;
  if (angle > 180) angle = 360 - angle;
  return -Math.min(12 * (angle / beamwidthDeg) ** 2, MAXIMUM_ATTENUATION_DB);
}

/** A_V(θ) = −min(12 ((θ − θ_tilt)/θ3dB)², SLA_V), θ the depression angle below the horizon. */
export function verticalAttenuationDb(
  depressionDeg: number,
  totalTiltDeg: number,
  verticalBeamwidthDeg: number,
): number {
  return -Math.min(12 * ((depressionDeg - totalTiltDeg) / verticalBeamwidthDeg) ** 2, VERTICAL_SIDE_LOBE_DB);
}

/** θ = atan((h_BS − h_UT) / d_2D) in degrees: 90° straight below the antenna. */
export function depressionAngleDeg(antennaHeightM: number, userHeightM: number, distance2dM: number): number {
  return (Math.atan2(antennaHeightM - userHeightM, distance2dM) * 180) / Math.PI;
}

/** Combined pattern −min(−(A_H + A_V), A_m). Omnidirectional sites pass A_H = 0. */
export function combinedAttenuationDb(horizontalDb: number, verticalDb: number): number {
  return -Math.min(-(horizontalDb + verticalDb), MAXIMUM_ATTENUATION_DB);
}

export interface AntennaDefaults {
  verticalBeamwidthDeg: number;
  mechanicalTiltDeg: number;
  electricalTiltDeg: number;
}

/**
 * Defaults by kind and band (sources in docs/radio.md): macro panels θ3dB 10° (TR 36.814's 3D antenna
 * model) with 6° total tilt; 700 MHz macros 12° (a 1.5–2 m low-band panel) and 3° (wide-area cells);
 * pole-mounted micros 30° and 3°; indoor cells 65° and 0° (TR 38.901's element pattern). Tilt is
 * electrical by default: 5G AAUs steer it in the array, brackets are mostly set level.
 */
export function antennaDefaults(kind: SiteKind, band: Band): AntennaDefaults {
  if (kind === 'indoor') return { verticalBeamwidthDeg: 65, mechanicalTiltDeg: 0, electricalTiltDeg: 0 };
  if (kind === 'micro') return { verticalBeamwidthDeg: 30, mechanicalTiltDeg: 0, electricalTiltDeg: 3 };
  if (band === 'n28') return { verticalBeamwidthDeg: 12, mechanicalTiltDeg: 0, electricalTiltDeg: 3 };
  return { verticalBeamwidthDeg: 10, mechanicalTiltDeg: 0, electricalTiltDeg: 6 };
}

export interface ResolvedAntenna {
  /** Sector boresight, degrees from north; undefined = omnidirectional (no horizontal term). */
  azimuthDeg: number | undefined;
  beamwidthDeg: number;
  verticalBeamwidthDeg: number;
  mechanicalTiltDeg: number;
  electricalTiltDeg: number;
  /** θ_tilt = mechanical + electrical. */
  totalTiltDeg: number;
}

/** A site's antenna with every field filled from its properties and the kind/band defaults. */
export function resolveAntenna(properties: SiteProperties): ResolvedAntenna {
  const defaults = antennaDefaults(properties.kind ?? 'macro', properties.band ?? 'n78');
  const mechanicalTiltDeg = properties.mechanicalTiltDeg ?? defaults.mechanicalTiltDeg;
  const electricalTiltDeg = properties.electricalTiltDeg ?? defaults.electricalTiltDeg;
  return {
    azimuthDeg: properties.azimuthDeg,
    beamwidthDeg: properties.beamwidthDeg ?? DEFAULT_BEAMWIDTH_DEG,
    verticalBeamwidthDeg: properties.verticalBeamwidthDeg ?? defaults.verticalBeamwidthDeg,
    mechanicalTiltDeg,
    electricalTiltDeg,
    totalTiltDeg: mechanicalTiltDeg + electricalTiltDeg,
  };
}

/**
 * The pattern's attenuation toward a user, dB (≤ 0): bearing from the site (degrees from north), 2D
 * distance and the two heights. The reference for the engine's tables and the probe command.
 */
export function antennaAttenuationDb(
  antenna: ResolvedAntenna,
  bearingDeg: number,
  distance2dM: number,
  antennaHeightM: number,
  userHeightM: number,
): number {
  const horizontal =
    antenna.azimuthDeg === undefined
      ? 0
      : horizontalAttenuationDb(bearingDeg - antenna.azimuthDeg, antenna.beamwidthDeg);
  const vertical = verticalAttenuationDb(
    depressionAngleDeg(antennaHeightM, userHeightM, distance2dM),
    antenna.totalTiltDeg,
    antenna.verticalBeamwidthDeg,
  );
  return combinedAttenuationDb(horizontal, vertical);
}
