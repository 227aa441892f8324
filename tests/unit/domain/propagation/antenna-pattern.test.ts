import { describe, expect, it } from 'vitest';
import {
  antennaAttenuationDb,
  antennaDefaults,
  combinedAttenuationDb,
  depressionAngleDeg,
  horizontalAttenuationDb,
  resolveAntenna,
  verticalAttenuationDb,
} from '../../../../src/domain/propagation/antenna-pattern';

// Every expected value below was worked out by hand (a calculator) from the 3GPP formulas:
// A_H = −min(12 (φ/φ3dB)², 30), A_V = −min(12 ((θ − θtilt)/θ3dB)², 30), combined −min(−(A_H + A_V), 30).
describe('3GPP antenna pattern at chosen angles', () => {
  it('horizontal: 0 at boresight, −3 dB at half the beamwidth, −12 dB at the beamwidth, floored at 30 dB', () => {
    expect(horizontalAttenuationDb(0, 65)).toBeCloseTo(0, 12);
    expect(horizontalAttenuationDb(32.5, 65)).toBeCloseTo(-3, 12);
    expect(horizontalAttenuationDb(-32.5, 65)).toBeCloseTo(-3, 12);
    expect(horizontalAttenuationDb(65, 65)).toBeCloseTo(-12, 12);
    // 12 · (90/65)² = 23.0059
    expect(horizontalAttenuationDb(90, 65)).toBeCloseTo(-23.0059, 4);
    // 12 · (120/65)² = 40.9 > 30: the floor
    expect(horizontalAttenuationDb(120, 65)).toBe(-30);
    expect(horizontalAttenuationDb(180, 65)).toBe(-30);
    // 350° off boresight is 10° the other way: 12 · (10/65)² = 0.2840
    expect(horizontalAttenuationDb(350, 65)).toBeCloseTo(-0.284, 4);
  });

  it('vertical: 0 on the tilted beam, −3 dB half a beamwidth off it, 30 dB side-lobe floor', () => {
    expect(verticalAttenuationDb(6, 6, 10)).toBeCloseTo(0, 12);
    expect(verticalAttenuationDb(11, 6, 10)).toBeCloseTo(-3, 12);
    expect(verticalAttenuationDb(1, 6, 10)).toBeCloseTo(-3, 12);
    // At the horizon with 6° tilt: 12 · 0.6² = 4.32
    expect(verticalAttenuationDb(0, 6, 10)).toBeCloseTo(-4.32, 12);
    // Straight below the mast: 12 · 8.4² ≫ 30
    expect(verticalAttenuationDb(90, 6, 10)).toBe(-30);
  });

  it('depression angle atan((hBS − hUT)/d2D): 25 m mast, 1.5 m user, 100 m away = 13.2246°', () => {
    expect(depressionAngleDeg(25, 1.5, 100)).toBeCloseTo(13.2246, 4);
    expect(depressionAngleDeg(25, 1.5, 0)).toBe(90);
    // 12 · ((13.2246 − 6)/10)² = 6.2633
    expect(verticalAttenuationDb(depressionAngleDeg(25, 1.5, 100), 6, 10)).toBeCloseTo(-6.2633, 3);
  });

  it('combined: the sum, floored at A_m = 30 dB', () => {
    expect(combinedAttenuationDb(-3, -4)).toBeCloseTo(-7, 12);
    expect(combinedAttenuationDb(-20, -15)).toBe(-30);
    expect(combinedAttenuationDb(-30, -30)).toBe(-30);
  });

  it('a sector toward a user: 30 m mast, 500 m away, 30° off boresight, 6° tilt, θ3dB 10° → −3.4556 dB', () => {
    const antenna = resolveAntenna({ id: 's', kind: 'macro', band: 'n78', azimuthDeg: 90 });
    // θ = atan(28.5/500) = 3.2623°; A_V = −12 ((3.2623 − 6)/10)² = −0.8994; A_H = −12 (30/65)² = −2.5562
    expect(antennaAttenuationDb(antenna, 120, 500, 30, 1.5)).toBeCloseTo(-3.4556, 3);
    // An omnidirectional site keeps the vertical term only.
    const omni = resolveAntenna({ id: 'o', kind: 'macro', band: 'n78' });
    expect(antennaAttenuationDb(omni, 120, 500, 30, 1.5)).toBeCloseTo(-0.8994, 3);
  });

  it('fills documented defaults per kind and band; a site’s own values win; the tilt is the sum', () => {
    expect(antennaDefaults('macro', 'n78')).toEqual({
      verticalBeamwidthDeg: 10,
      mechanicalTiltDeg: 0,
      electricalTiltDeg: 6,
    });
    expect(antennaDefaults('macro', 'n28').electricalTiltDeg).toBe(3);
    expect(antennaDefaults('micro', 'n78').verticalBeamwidthDeg).toBe(30);
    expect(antennaDefaults('indoor', 'n78')).toMatchObject({
      verticalBeamwidthDeg: 65,
      electricalTiltDeg: 0,
    });
    const antenna = resolveAntenna({
      id: 'a',
      mechanicalTiltDeg: 2,
      electricalTiltDeg: 5,
      verticalBeamwidthDeg: 7,
    });
    expect(antenna).toMatchObject({ totalTiltDeg: 7, verticalBeamwidthDeg: 7, beamwidthDeg: 65 });
    expect(resolveAntenna({ id: 'b', mechanicalTiltDeg: 4 }).totalTiltDeg).toBe(10);
  });
});
