/**
 * The residual dots for the map's WebGL layer: every matched sample once (every k-th past DOT_LIMIT),
 * at its Web Mercator position to well under a metre, with its error.
 */
import { describe, expect, it } from 'vitest';
import {
  DOT_LIMIT,
  mercatorX,
  mercatorY,
  residualDots,
} from '../../../../src/domain/calibration/residual-dots';

function comparison(count: number) {
  return {
    count,
    lon: Float64Array.from({ length: count }, (_, index) => 121.2 + (index % 997) * 1e-3),
    lat: Float64Array.from({ length: count }, (_, index) => 30.8 + Math.floor(index / 997) * 1e-3),
  };
}

/** Metres per unit of Web Mercator at a latitude. */
const metresPerMercatorUnit = (lat: number) => 40_075_016.686 * Math.cos((lat * Math.PI) / 180);

describe('residual dots', () => {
  it('places every dot at its sample to under a centimetre and keeps its error', () => {
    const count = 50_000;
    const samples = comparison(count);
    const errors = Float32Array.from({ length: count }, (_, index) => ((index % 61) - 30) / 2 + 0.1);
    const dots = residualDots(samples, errors);
    expect(dots.shown).toBe(count);
    expect(dots.offsets).toHaveLength(2 * count);
    expect(Array.from(dots.errorsDb)).toEqual(Array.from(errors));
    let worstM = 0;
    for (let index = 0; index < count; index++) {
      const lat = samples.lat[index]!;
      const scale = metresPerMercatorUnit(lat);
      const x = dots.originX + dots.offsets[index * 2]!;
      const y = dots.originY + dots.offsets[index * 2 + 1]!;
      worstM = Math.max(
        worstM,
        Math.abs(x - mercatorX(samples.lon[index]!)) * scale,
        Math.abs(y - mercatorY(lat)) * scale,
      );
    }
    expect(worstM).toBeLessThan(0.01);
  });

  it('uses the Web Mercator MapLibre draws in (independent formula: y from the Gudermannian inverse)', () => {
    expect(mercatorX(-180)).toBe(0);
    expect(mercatorX(121.5)).toBeCloseTo(301.5 / 360, 12);
    expect(mercatorY(0)).toBeCloseTo(0.5, 12);
    const lat = 31.23;
    const radians = (lat * Math.PI) / 180;
    expect(mercatorY(lat)).toBeCloseTo(0.5 - Math.asinh(Math.tan(radians)) / (2 * Math.PI), 12);
  });

  it('draws every k-th dot beyond DOT_LIMIT', () => {
    const count = DOT_LIMIT * 2 + 1;
    const errors = Float32Array.from({ length: count }, (_, index) => index);
    const dots = residualDots(comparison(count), errors);
    expect(dots.shown).toBeLessThanOrEqual(DOT_LIMIT);
    expect(dots.shown).toBe(Math.ceil(count / 3));
    expect(dots.errorsDb[1]).toBe(3);
  });

  it('has no dots for no samples', () => {
    const dots = residualDots(comparison(0), new Float32Array(0));
    expect(dots.shown).toBe(0);
    expect(dots.offsets).toHaveLength(0);
  });
});
