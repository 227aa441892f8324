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
 * Tilts for a sector: a mechanical part drawn from its range, and the electrical part that brings the total
 * to the classic planning rule — the upper half-power edge of the vertical beam at the cell edge:
 * total = atan((h − h_UT) / r_edge) + θ3dB/2 — within the antenna's electrical range.
 */
export function sectorTiltsDeg(
  heightM: number,
  cellEdgeM: number,
  verticalBeamwidthDeg: number,
  random: SeededRandom,
): { mechanicalTiltDeg: number; electricalTiltDeg: number } {
  const mechanicalTiltDeg = integerBetween(random, MECHANICAL_TILT_RANGE_DEG);
  const wantedTotal =
    (Math.atan((heightM - USER_HEIGHT_M) / cellEdgeM) * 180) / Math.PI + verticalBeamwidthDeg / 2;
  const [minElectrical, maxElectrical] = ELECTRICAL_TILT_RANGE_DEG;
  const electricalTiltDeg = Math.max(
    minElectrical,
    Math.min(maxElectrical, Math.round(wantedTotal - mechanicalTiltDeg)),
  );
  return { mechanicalTiltDeg, electricalTiltDeg };
}

/** The per-sector radio properties of a macro mast (without ids and place). */
export function macroSectors(
  band: Band,
  heightM: number,
  isdM: number,
  random: SeededRandom,
): Pick<
  SiteProperties,
  'azimuthDeg' | 'beamwidthDeg' | 'mechanicalTiltDeg' | 'electricalTiltDeg' | 'verticalBeamwidthDeg'
>[] {
  const verticalBeamwidthDeg = MACRO_VERTICAL_BEAMWIDTH_DEG[band];
  return sectorAzimuthsDeg(random).map((azimuthDeg) => ({
    azimuthDeg,
    beamwidthDeg: MACRO_BEAMWIDTH_DEG,
    ...sectorTiltsDeg(heightM, isdM * CELL_EDGE_SHARE_OF_ISD, verticalBeamwidthDeg, random),
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
