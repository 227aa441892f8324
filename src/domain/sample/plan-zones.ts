import { featureCollection, polygon } from '@turf/helpers';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { roundPolygonal } from '../geo/round-geometry';
import type { DistrictCollection, PlanZoneFeature, PlanZoneProperties } from '../types';
import {
  clip,
  discMatchingArea,
  districtByName,
  eastOfMeridianMatchingArea,
  hostAdcodes,
  mergePolygonal,
  type Polygonal,
} from './plan-zone-geometry';
import { pushKeyAreas } from './plan-zone-key-areas';
import { type CollectionWithMetadata, SAMPLE_NOTE } from './sample-metadata';

export interface PlanZoneInput {
  districts: DistrictCollection;
  land: FeatureCollection<Polygon | MultiPolygon>;
  /** data/geo/planning-zone-centres.geojson: `id`, `area_km2_official` per centre. */
  centres: FeatureCollection<Point, { id: string; area_km2_official?: number }>;
}

export type PlanZoneCollection = CollectionWithMetadata<Polygon | MultiPolygon, PlanZoneProperties>;

function centreOf(input: PlanZoneInput, id: string): { position: [number, number]; areaKm2: number } {
  const centre = input.centres.features.find((feature) => feature.properties.id === id);
  if (!centre || centre.properties.area_km2_official === undefined) throw new Error(`Centre ${id} missing`);
  const [lon, lat] = centre.geometry.coordinates;
  return { position: [lon!, lat!], areaKm2: centre.properties.area_km2_official };
}

/** Latitude standing in for 大治河, the east wing's northern edge (a canal running roughly east–west). */
const DAZHI_RIVER_LAT = 31.05;

const NEW_TOWNS = [
  { id: 'newtown_jiading', district: '嘉定区', name: '嘉定新城', nameEn: 'Jiading New Town' },
  { id: 'newtown_qingpu', district: '青浦区', name: '青浦新城', nameEn: 'Qingpu New Town' },
  { id: 'newtown_songjiang', district: '松江区', name: '松江新城', nameEn: 'Songjiang New Town' },
  { id: 'newtown_fengxian', district: '奉贤区', name: '奉贤新城', nameEn: 'Fengxian New Town' },
  { id: 'newtown_nanhui', district: '浦东新区', name: '南汇新城', nameEn: 'Nanhui New Town' },
] as const;

const NEW_TOWN_PRECISION =
  'approximate extent (示意范围): disc of the official area around the approximate centre, clipped to the district; centre good to ~1–2 km';

/** Approximate plan-zone polygons: five new towns, the two wings, the key areas of 全域提质. */
export function buildPlanZones(input: PlanZoneInput): PlanZoneCollection {
  const { districts } = input;
  const land = input.land.features[0] as Polygonal;
  const zones: PlanZoneFeature[] = [];
  const push = (geometry: Polygonal, properties: Omit<PlanZoneProperties, 'adcodes' | 'approximate'>) => {
    const { id, kind, name, name_en, area_km2_official, precision, wing } = properties;
    zones.push({
      type: 'Feature',
      properties: {
        id,
        kind,
        name,
        name_en,
        ...(area_km2_official === undefined ? {} : { area_km2_official }),
        adcodes: hostAdcodes(geometry, districts),
        approximate: true,
        precision,
        ...(wing === undefined ? {} : { wing }),
      },
      geometry: roundPolygonal(geometry.geometry),
    });
  };

  for (const town of NEW_TOWNS) {
    const centre = centreOf(input, town.id);
    const zone = discMatchingArea(centre.position, centre.areaKm2, districtByName(districts, town.district));
    push(zone, {
      id: town.id,
      kind: 'new_town',
      name: town.name,
      name_en: town.nameEn,
      area_km2_official: centre.areaKm2,
      precision: NEW_TOWN_PRECISION,
    });
  }

  // East wing: Pudong + Fengxian land south of 31.05° N (≈ 大治河), east of a meridian set by area;
  // the meridian lands near 121.54° E, about where 金汇港 runs, which supports the approximation.
  const lingang = centreOf(input, 'lingang_special_area');
  const southOfDazhi = polygon([
    [
      [121.3, 30.6],
      [122.3, 30.6],
      [122.3, DAZHI_RIVER_LAT],
      [121.3, DAZHI_RIVER_LAT],
      [121.3, 30.6],
    ],
  ]);
  const pudongSouth = clip(clip(districtByName(districts, '浦东新区'), southOfDazhi)!, land);
  const fengxianSouth = clip(clip(districtByName(districts, '奉贤区'), southOfDazhi)!, land);
  const eastRegion = featureCollection([pudongSouth!, fengxianSouth!]);
  const eastWing = eastOfMeridianMatchingArea(
    { type: 'Feature', properties: {}, geometry: mergePolygonal(eastRegion.features) },
    lingang.areaKm2,
  );
  push(eastWing.zone, {
    id: 'wing_east_lingang',
    kind: 'wing',
    name: '临港新片区',
    name_en: 'Lingang Special Area (east wing)',
    area_km2_official: lingang.areaKm2,
    precision: `approximate extent (示意范围): Pudong and Fengxian land south of ${DAZHI_RIVER_LAT}° N (≈ 大治河) and east of ${eastWing.westLon.toFixed(3)}° E (≈ 金汇港), the meridian chosen so the area equals the official 873 km²; the real boundary (大治河以南、金汇港以东, plus 小洋山 outside the map) is irregular, ±2–3 km`,
    wing: 'east',
  });

  const hongqiao = centreOf(input, 'hongqiao_cbd');
  push(discMatchingArea(hongqiao.position, hongqiao.areaKm2, land), {
    id: 'wing_west_hongqiao',
    kind: 'wing',
    name: '虹桥商务区',
    name_en: 'Hongqiao Business District (west wing)',
    area_km2_official: hongqiao.areaKm2,
    precision:
      'approximate extent (示意范围): disc of the official 151.4 km² around 虹桥综合交通枢纽, clipped to land; the real district is elongated east–west',
    wing: 'west',
  });

  const qingpu = districtByName(districts, '青浦区');
  push(qingpu, {
    id: 'wing_west_demo_zone',
    kind: 'wing',
    name: '长三角生态绿色一体化发展示范区(上海部分：青浦区)',
    name_en: 'Yangtze Delta Eco-Green Integration Demonstration Zone, Shanghai part (Qingpu)',
    area_km2_official: qingpu.properties.area_km2_official,
    precision:
      'the whole 青浦区 district polygon (the zone’s Shanghai part); the full zone (2,413 km²) also covers Wujiang and Jiashan outside Shanghai',
    wing: 'west',
  });

  pushKeyAreas(input, land, push);
  return {
    type: 'FeatureCollection',
    metadata: {
      generator: 'buildPlanZones (src/domain/sample/plan-zones.ts)',
      count: zones.length,
      calibration: 'official areas from planning-zone-centres.geojson; see each feature’s precision',
      note: `${SAMPLE_NOTE}: approximate extents, no official polygons`,
    },
    features: zones,
  };
}
