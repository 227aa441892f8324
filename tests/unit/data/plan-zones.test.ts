import { readFileSync } from 'node:fs';
import area from '@turf/area';
import { featureCollection } from '@turf/helpers';
import intersect from '@turf/intersect';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { DistrictCollection, PlanZoneCollection } from '../../../src/domain/types';

const read = (fileName: string) => JSON.parse(readFileSync(`data/geo/${fileName}`, 'utf8'));
const zones = read('plan-zones.geojson') as PlanZoneCollection;
const districts = read('districts.geojson') as DistrictCollection;
const zone = (id: string) => zones.features.find((feature) => feature.properties.id === id)!;
const district = (adcode: string) =>
  districts.features.find((feature) => feature.properties.adcode === adcode)!;
const km2 = (feature: Parameters<typeof area>[0]) => area(feature) / 1e6;

/** Official new-town areas (2021 municipal implementation opinions), km², and host districts. */
const NEW_TOWNS = [
  ['newtown_jiading', 159.5, '310114'],
  ['newtown_qingpu', 91.1, '310118'],
  ['newtown_songjiang', 158.4, '310117'],
  ['newtown_fengxian', 67.9, '310120'],
  ['newtown_nanhui', 343.3, '310115'],
] as const;

describe('data/geo/plan-zones.geojson', () => {
  it.each(NEW_TOWNS)(
    '%s has its official area (±3%%) and lies inside its district',
    (id, officialKm2, adcode) => {
      const town = zone(id);
      expect(town.properties.kind).toBe('new_town');
      expect(Math.abs(km2(town) - officialKm2) / officialKm2).toBeLessThan(0.03);
      const inside = intersect(featureCollection<Polygon | MultiPolygon>([town, district(adcode)]));
      expect(inside).not.toBeNull();
      expect((km2(town) - km2(inside!)) / km2(town)).toBeLessThan(0.01);
      expect(town.properties.adcodes).toEqual([adcode]);
    },
  );

  it('has both wings: Lingang east (873 km² ±3%), Hongqiao and the demonstration zone (all of Qingpu) west', () => {
    const east = zone('wing_east_lingang');
    expect(east.properties).toMatchObject({ kind: 'wing', wing: 'east' });
    expect(Math.abs(km2(east) - 873) / 873).toBeLessThan(0.03);
    expect(east.properties.adcodes).toEqual(['310115', '310120']);
    const hongqiao = zone('wing_west_hongqiao');
    expect(hongqiao.properties).toMatchObject({ kind: 'wing', wing: 'west' });
    expect(Math.abs(km2(hongqiao) - 151.4) / 151.4).toBeLessThan(0.03);
    const demo = zone('wing_west_demo_zone');
    expect(demo.properties).toMatchObject({ kind: 'wing', wing: 'west', adcodes: ['310118'] });
    expect(km2(demo)).toBeCloseTo(km2(district('310118')), 0);
  });

  it('has the key areas of 全域提质, each on the right ground', () => {
    const keyAreas = zones.features.filter((feature) => feature.properties.kind === 'key_area');
    expect(keyAreas.map((feature) => feature.properties.id).sort()).toEqual([
      'key_bund_lujiazui_north_bund',
      'key_expo_qiantan_xuhui_riverside',
      'key_g60_songjiang',
      'key_huangpu_river_banks',
      'key_suzhou_creek_banks',
      'key_zhangjiang',
    ]);
    expect(zone('key_bund_lujiazui_north_bund').properties.adcodes).toEqual(
      expect.arrayContaining(['310101', '310109', '310115']),
    );
    expect(Math.abs(km2(zone('key_zhangjiang')) - 95) / 95).toBeLessThan(0.03);
    expect(zone('key_g60_songjiang').properties.adcodes).toEqual(['310117']);
  });

  it('marks every zone approximate with a precision text, and ids are unique', () => {
    for (const feature of zones.features) {
      expect(feature.properties.approximate).toBe(true);
      expect(feature.properties.precision.length).toBeGreaterThan(20);
    }
    expect(new Set(zones.features.map((feature) => feature.properties.id)).size).toBe(zones.features.length);
  });
});

describe('data/geo/district-labels.geojson', () => {
  it('has one label inside each district', async () => {
    const { default: booleanPointInPolygon } = await import('@turf/boolean-point-in-polygon');
    const labels = read('district-labels.geojson');
    expect(labels.features).toHaveLength(16);
    for (const label of labels.features) {
      expect(
        booleanPointInPolygon(label.geometry, district(label.properties.adcode)),
        label.properties.name,
      ).toBe(true);
    }
  });
});
