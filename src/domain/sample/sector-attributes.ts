/**
 * What each sample mast carries: band, height, and for macros three sectors with azimuths and tilts.
 * Distributions and their reasons are in data/geo/SOURCES.md ("Sample sites").
 */
import type { SeededRandom } from '../geo/seeded-random';
import type { DensityClass } from '../plan/district-facts';
import type { Band, SiteProperties } from '../types';
import {
  CELL_EDGE_SHARE_OF_ISD,
  ELECTRICAL_TILT_RANGE_DEG,
  MACRO_BEAMWIDTH_DEG,
  MACRO_HEIGHT_RANGE_M,
  MACRO_VERTICAL_BEAMWIDTH_DEG,
  MECHANICAL_TILT_RANGE_DEG,
  MICRO_VERTICAL_BEAMWIDTH_DEG,
  MIN_SECTOR_SEPARATION_DEG,
  SECTOR_AZIMUTH_JITTER_DEG,
  SECTORS_PER_MACRO,
  TOTAL_TILT_RANGE_DEG,
} from './calibration';

/** User equipment height the tilt aims at, metres (the coverage model's default). */
const USER_HEIGHT_M = 1.5;

function integerBetween(random: SeededRandom, range: readonly [number, number]): number {
  return range[0] + random.integerBelow(range[1] - range[0] + 1);
}

/** Macro antenna height for an environment, whole metres. */
export function macroHeightM(environment: DensityClass, random: SeededRandom): number {
  return integerBetween(random, MACRO_HEIGHT_RANGE_M[environment]);
}

/**
 * Azimuths of a macro mast's sectors: 120° apart from a random start, each turned by a normal jitter
 * (σ SECTOR_AZIMUTH_JITTER_DEG) while keeping every pair at least MIN_SECTOR_SEPARATION_DEG apart.
 */
export function sectorAzimuthsDeg(random: SeededRandom): number[] {
  const start = random.next() * (360 / SECTORS_PER_MACRO);
  const azimuths: number[] = [];
  for (let sector = 0; sector < SECTORS_PER_MACRO; sector++) {
    const nominal = start + (sector * 360) / SECTORS_PER_MACRO;
    const limit = (360 / SECTORS_PER_MACRO - MIN_SECTOR_SEPARATION_DEG) / 2;
    const jitter = Math.max(-limit, Math.min(limit, random.normal() * SECTOR_AZIMUTH_JITTER_DEG));
    azimuths.push(Math.round((((nominal + jitter) % 360) + 360) % 360));
  }
  return azimuths;
}

/**
 * Tilts for a sector by the classic planning rules: where interference limits the cell, the vertical beam's
 * upper half-power edge on the cell edge, total = atan((h − h_UT) / r) + θ3dB/2; where coverage limits it,
 * the beam's centre on the cell edge, total = atan((h − h_UT) / r). The total is clamped to
 * TOTAL_TILT_RANGE_DEG; a mechanical part is drawn from its range and the electrical part makes up the rest.
 */
export function sectorTiltsDeg(
  heightM: number,
  cellEdgeM: number,
  verticalBeamwidthDeg: number,
  interferenceLimited: boolean,
  random: SeededRandom,
): { mechanicalTiltDeg: number; electricalTiltDeg: number } {
  const mechanicalTiltDeg = integerBetween(random, MECHANICAL_TILT_RANGE_DEG);
  const towardEdgeDeg = (Math.atan((heightM - USER_HEIGHT_M) / cellEdgeM) * 180) / Math.PI;
  const ruleTotal = towardEdgeDeg + (interferenceLimited ? verticalBeamwidthDeg / 2 : 0);
  const [minTotal, maxTotal] = TOTAL_TILT_RANGE_DEG;
  const total = Math.max(minTotal, Math.min(maxTotal, Math.round(ruleTotal)));
  const [minElectrical, maxElectrical] = ELECTRICAL_TILT_RANGE_DEG;
  const electricalTiltDeg = Math.max(minElectrical, Math.min(maxElectrical, total - mechanicalTiltDeg));
  return { mechanicalTiltDeg, electricalTiltDeg };
}

/** The per-sector radio properties of a macro mast (without ids and place). */
export function macroSectors(
  band: Band,
  heightM: number,
  isdM: number,
  interferenceLimited: boolean,
  random: SeededRandom,
): Pick<
  SiteProperties,
  'azimuthDeg' | 'beamwidthDeg' | 'mechanicalTiltDeg' | 'electricalTiltDeg' | 'verticalBeamwidthDeg'
>[] {
  const verticalBeamwidthDeg = MACRO_VERTICAL_BEAMWIDTH_DEG[band];
  return sectorAzimuthsDeg(random).map((azimuthDeg) => ({
    azimuthDeg,
    beamwidthDeg: MACRO_BEAMWIDTH_DEG,
    ...sectorTiltsDeg(
      heightM,
      isdM * CELL_EDGE_SHARE_OF_ISD,
      verticalBeamwidthDeg,
      interferenceLimited,
      random,
    ),
    verticalBeamwidthDeg,
  }));
}

/** A pole-mounted micro cell: omnidirectional, a few degrees of tilt, a wide vertical beam. */
export function microRadio(
  random: SeededRandom,
): Pick<SiteProperties, 'mechanicalTiltDeg' | 'electricalTiltDeg' | 'verticalBeamwidthDeg'> {
  return {
    mechanicalTiltDeg: 0,
    electricalTiltDeg: integerBetween(random, [2, 6]),
    verticalBeamwidthDeg: MICRO_VERTICAL_BEAMWIDTH_DEG,
  };
}
