import { describe, expect, it } from 'vitest';
import {
  perResourceElementDbm,
  resolveRadio,
  rsrpClass,
  subcarrierCount,
} from '../../../../src/domain/propagation/link-budget';

describe('link budget', () => {
  it('spreads 200 W over 3,276 subcarriers: ≈ 17.86 dBm per resource element (n78, 100 MHz)', () => {
    expect(subcarrierCount(100, 30)).toBe(3276);
    expect(perResourceElementDbm(53.0103, 100, 30)).toBeCloseTo(17.857, 2);
  });

  it('fills the guide defaults: n78 macro 200 W, 24 dBi, 25 m; n28 macro 240 W over 30 MHz at 15 kHz', () => {
    const macro = resolveRadio({ id: 'a' });
    expect(macro.kind).toBe('macro');
    expect(macro.powerDbm).toBeCloseTo(53.01, 2);
    expect(macro.antennaGainDbi).toBe(24);
    expect(macro.heightM).toBe(25);
    expect(macro.perReDbm).toBeCloseTo(17.857, 2);
    const lowBand = resolveRadio({ id: 'b', band: 'n28' });
    // 10·log10(240 000 mW) − 10·log10(160 PRB × 12)
    expect(lowBand.perReDbm).toBeCloseTo(53.802 - 32.833, 2);
    expect(resolveRadio({ id: 'c', kind: 'micro', heightM: 8 }).heightM).toBe(8);
  });

  it('grades RSRP into the operators’ classes', () => {
    expect(rsrpClass(-80)).toBe('excellent');
    expect(rsrpClass(-90)).toBe('good');
    expect(rsrpClass(-100)).toBe('fair');
    expect(rsrpClass(-105)).toBe('fair');
    expect(rsrpClass(-110)).toBe('poor');
    expect(rsrpClass(-120)).toBe('very_poor');
  });
});
