import { describe, expect, it } from 'vitest';
import {
  ADDED_SITE_STATUSES,
  validateSitePatch,
  validateSiteProperties,
} from '../../../../src/domain/validation/site-attributes';

describe('site attribute validation', () => {
  it('accepts a complete valid site', () => {
    const issues = validateSiteProperties({
      id: 'C1',
      name: '陆家嘴 1 号',
      kind: 'macro',
      band: 'n78',
      heightM: 300,
      powerDbm: 53,
      antennaGainDbi: 17,
      azimuthDeg: 360,
      beamwidthDeg: 1,
      status: 'candidate',
    });
    expect(issues).toEqual([]);
  });

  it('gives a code and the limits for each bad value, ready for translation', () => {
    const issues = validateSiteProperties({
      id: 'C1',
      heightM: 0.5,
      azimuthDeg: 361,
      beamwidthDeg: 0,
      powerDbm: Number.NaN,
      band: 'n99',
      name: '   ',
    });
    expect(issues).toEqual([
      { field: 'name', code: 'empty' },
      { field: 'heightM', code: 'outOfRange', params: { min: 1, max: 300, unit: 'm' } },
      { field: 'powerDbm', code: 'notANumber' },
      { field: 'azimuthDeg', code: 'outOfRange', params: { min: 0, max: 360, unit: '°' } },
      { field: 'beamwidthDeg', code: 'outOfRange', params: { min: 1, max: 360, unit: '°' } },
      { field: 'band', code: 'notOneOf', params: { allowed: ['n28', 'n41', 'n78', 'n79'] } },
    ]);
  });

  it('does not let a candidate claim to be an existing site', () => {
    expect(
      validateSiteProperties({ id: 'C1', status: 'existing' }, { allowedStatuses: ADDED_SITE_STATUSES }),
    ).toEqual([{ field: 'status', code: 'statusNotAllowed', params: { allowed: ['candidate', 'planned'] } }]);
  });

  it('multi-edit: checks the patch, then each site after the patch', () => {
    const sites = [{ id: 'C1', azimuthDeg: 120 }, { id: 'C2' }];
    expect(validateSitePatch({ heightM: 301 }, sites)).toEqual([
      { field: 'heightM', code: 'outOfRange', params: { min: 1, max: 300, unit: 'm' } },
    ]);
    expect(validateSitePatch({ beamwidthDeg: 65 }, sites)).toEqual([
      { field: 'beamwidthDeg', code: 'beamwidthWithoutAzimuth', siteId: 'C2' },
    ]);
    expect(validateSitePatch({ azimuthDeg: null }, sites)).toEqual([]);
    expect(validateSitePatch({ id: 'X' }, sites)).toEqual([{ field: 'id', code: 'readOnly' }]);
  });
});
