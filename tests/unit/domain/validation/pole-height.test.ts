import { describe, expect, it } from 'vitest';
import { POLE_MOUNT_ALLOWANCE_M, poleHeightWarning } from '../../../../src/domain/validation/pole-height';

const pole = { id: 'P-1', heightM: 11 };

describe('poleHeightWarning', () => {
  it('warns for a 30 m antenna on an 11 m pole, with both heights', () => {
    expect(poleHeightWarning({ id: 's', heightM: 30, poleId: 'P-1' }, pole)).toEqual({
      siteId: 's',
      poleId: 'P-1',
      antennaHeightM: 30,
      poleHeightM: 11,
    });
  });

  it('accepts an antenna at the pole top and within the bracket allowance', () => {
    expect(poleHeightWarning({ id: 's', heightM: 11, poleId: 'P-1' }, pole)).toBeNull();
    expect(
      poleHeightWarning({ id: 's', heightM: 11 + POLE_MOUNT_ALLOWANCE_M, poleId: 'P-1' }, pole),
    ).toBeNull();
    expect(poleHeightWarning({ id: 's', heightM: 12.5, poleId: 'P-1' }, pole)).not.toBeNull();
  });

  it('says nothing for a site off poles, or when the pole found is another one', () => {
    expect(poleHeightWarning({ id: 's', heightM: 30 }, pole)).toBeNull();
    expect(poleHeightWarning({ id: 's', heightM: 30, poleId: 'P-2' }, pole)).toBeNull();
    expect(poleHeightWarning({ id: 's', heightM: 30, poleId: 'P-1' }, null)).toBeNull();
  });
});
