import { describe, expect, it } from 'vitest';
import { validateSitePatch, validateSiteProperties } from '../../../../src/domain/validation/site-attributes';

describe('antenna tilt and vertical beamwidth rules', () => {
  it('accepts tilts from −20° (uptilt) to 90° and a vertical beamwidth of 1–180°', () => {
    expect(
      validateSiteProperties({
        id: 'a',
        mechanicalTiltDeg: -2,
        electricalTiltDeg: 8,
        verticalBeamwidthDeg: 6.5,
      }),
    ).toEqual([]);
  });

  it('reports each field out of range with its range, and text as not a number', () => {
    expect(
      validateSiteProperties({
        id: 'a',
        mechanicalTiltDeg: 95,
        electricalTiltDeg: '6°',
        verticalBeamwidthDeg: 0,
      }),
    ).toEqual([
      { field: 'mechanicalTiltDeg', code: 'outOfRange', params: { min: -20, max: 90, unit: '°' } },
      { field: 'electricalTiltDeg', code: 'notANumber' },
      { field: 'verticalBeamwidthDeg', code: 'outOfRange', params: { min: 1, max: 180, unit: '°' } },
    ]);
  });

  it('checks the total (mechanical + electrical) the pattern uses', () => {
    expect(validateSiteProperties({ id: 'a', mechanicalTiltDeg: 60, electricalTiltDeg: 40 })).toEqual([
      { field: 'electricalTiltDeg', code: 'totalTiltOutOfRange', params: { min: -20, max: 90, unit: '°' } },
    ]);
    // A multi-edit patch is checked against each site as it would be after the patch.
    const sites = [
      { id: 'C1', mechanicalTiltDeg: 50 },
      { id: 'C2', mechanicalTiltDeg: 0 },
    ];
    expect(validateSitePatch({ electricalTiltDeg: 45 }, sites)).toEqual([
      {
        field: 'electricalTiltDeg',
        code: 'totalTiltOutOfRange',
        params: { min: -20, max: 90, unit: '°' },
        siteId: 'C1',
      },
    ]);
  });
});
