/**
 * The residual dots for the map: every dot once, in pieces of at most DOTS_PER_PIECE (one map source
 * each, so MapLibre's hand-back of each is a short main-thread task), grouped by half-decibel error.
 */
import { describe, expect, it } from 'vitest';
import {
  DOT_LIMIT,
  DOTS_PER_PIECE,
  RESIDUAL_PIECES,
  residualDots,
} from '../../../../src/domain/calibration/residual-dots';

interface Piece {
  features: { geometry: { type: string; coordinates: [number, number][] }; properties: { e: number } }[];
}

function comparison(count: number) {
  return {
    count,
    lon: Float64Array.from({ length: count }, (_, index) => 121 + index * 1e-6),
    lat: Float64Array.from({ length: count }, () => 31.2),
  };
}

describe('residual dots', () => {
  it('splits the dots into pieces of DOTS_PER_PIECE, each dot once, coloured by its error to 0.5 dB', async () => {
    const count = 2 * DOTS_PER_PIECE + 1;
    const errors = Float32Array.from({ length: count }, (_, index) => ((index % 61) - 30) / 2 + 0.1);
    const { blobs, shown } = residualDots(comparison(count), errors);
    expect(shown).toBe(count);
    expect(blobs).toHaveLength(3);
    expect(RESIDUAL_PIECES * DOTS_PER_PIECE).toBeGreaterThanOrEqual(DOT_LIMIT);
    const pieces = (await Promise.all(blobs.map((blob) => blob.text()))).map(
      (text) => JSON.parse(text) as Piece,
    );
    const sizes = pieces.map((piece) =>
      piece.features.reduce((sum, feature) => sum + feature.geometry.coordinates.length, 0),
    );
    expect(sizes).toEqual([DOTS_PER_PIECE, DOTS_PER_PIECE, count - 2 * DOTS_PER_PIECE]);
    // Every dot sits in the feature of its rounded error (checked by recomputing it from its longitude).
    for (const piece of pieces) {
      expect(piece.features.every((feature) => feature.geometry.type === 'MultiPoint')).toBe(true);
      for (const feature of piece.features) {
        for (const [lon] of feature.geometry.coordinates) {
          const index = Math.round((lon - 121) * 1e6);
          expect(feature.properties.e).toBe(Math.round(errors[index]! * 2) / 2);
        }
      }
    }
  });

  it('draws every k-th dot beyond DOT_LIMIT, in at most RESIDUAL_PIECES pieces', () => {
    const count = DOT_LIMIT * 2 + 1;
    const { blobs, shown } = residualDots(comparison(count), new Float32Array(count));
    expect(shown).toBeLessThanOrEqual(DOT_LIMIT);
    expect(blobs.length).toBeLessThanOrEqual(RESIDUAL_PIECES);
  });
});
