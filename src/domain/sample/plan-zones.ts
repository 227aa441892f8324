import area from '@turf/area';
import buffer from '@turf/buffer';
import circle from '@turf/circle';
import { featureCollection, lineString, polygon } from '@turf/helpers';
import intersect from '@turf/intersect';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { convexHull } from '../geo/convex-hull';
import { roundPolygonal } from '../geo/round-geometry';
import type { DistrictCollection, DistrictFeature, PlanZoneFeature, PlanZoneProperties } from '../types';
import {
  BUND_LUJIAZUI_NORTH_BUND_POINTS,
  EXPO_QIANTAN_XUHUI_POINTS,
  G60_SONGJIANG_CENTRE_LINE,
  HUANGPU_CENTRE_LINE,
  SUZHOU_CREEK_CENTRE_LINE,
  ZHANGJIANG_AREA_KM2,
  ZHANGJIANG_CENTRE,
} from './key-area-lines';
import { type CollectionWithMetadata, SAMPLE_NOTE } from './sample-metadata';

type Polygonal = Feature<Polygon | MultiPolygon>;

export interface PlanZoneInput {
  districts: DistrictCollection;
  land: FeatureCollection<Polygon | MultiPolygon>;
  /** data/geo/planning-zone-centres.geojson: `id`, `area_km2_official` per centre. */
  centres: FeatureCollection<Point, { id: string; area_km2_official?: number }>;
}

export type PlanZoneCollection = CollectionWithMetadata<Polygon | MultiPolygon, PlanZoneProperties>;

/** Area of a polygonal feature, km². */
export function areaKm2(feature: Polygonal): number {
  return area(feature) / 1e6;
}

function clip(subject: Polygonal, mask: Polygonal): Polygonal | null {
  return intersect(featureCollection([subject, mask]));
}

/**
 * A disc around a centre clipped to a mask, its radius grown by bisection until the clipped area
 * matches the target within relativeTolerance (a disc of the official area loses what the mask cuts).
 */
export function discMatchingArea(
  centre: [number, number],
  targetKm2: number,
  mask: Polygonal,
  relativeTolerance = 0.002,
): Polygonal {
  const clippedDisc = (radiusKm: number) =>
    clip(circle(centre, radiusKm, { steps: 128, units: 'kilometers' }), mask);
  // Clipping only removes area, so the disc of the official area is a lower bound on the radius.
  let low = Math.sqrt(targetKm2 / Math.PI);
  let high = low * 3;
  let radiusKm = low;
  let best = clippedDisc(radiusKm);
  for (let iteration = 0; iteration < 40; iteration++) {
    const current = best ? areaKm2(best) : 0;
    if (Math.abs(current - targetKm2) / targetKm2 <= relativeTolerance) break;
    if (current < targetKm2) low = radiusKm;
    else high = radiusKm;
    radiusKm = (low + high) / 2;
    best = clippedDisc(radiusKm);
  }
  if (!best) throw new Error(`Disc around ${centre.join(',')} does not meet its mask`);
  return best;
}

/** West edge chosen by bisection so region ∩ {lon ≥ west edge} has the target area. */
function eastOfMeridianMatchingArea(
  region: Polygonal,
  targetKm2: number,
): { zone: Polygonal; westLon: number } {
  const eastOf = (westLon: number) =>
    clip(
      polygon([
        [
          [westLon, 30.6],
          [122.3, 30.6],
          [122.3, 31.95],
          [westLon, 31.95],
          [westLon, 30.6],
        ],
      ]),
      region,
    );
  let low = 121.3;
  let high = 122.1;
  let middle = (low + high) / 2;
  let zone = eastOf(middle);
  for (let iteration = 0; iteration < 40; iteration++) {
    const current = zone ? areaKm2(zone) : 0;
    if (Math.abs(current - targetKm2) / targetKm2 < 0.002) break;
    if (current > targetKm2) low = middle;
    else high = middle;
    middle = (low + high) / 2;
    zone = eastOf(middle);
  }
  if (!zone) throw new Error('East wing region is empty');
  return { zone, westLon: middle };
}

function districtByName(districts: DistrictCollection, name: string): DistrictFeature {
  const found = districts.features.find((district) => district.properties.name === name);
  if (!found) throw new Error(`District ${name} missing`);
  return found;
}

/** Adcodes of the districts holding more than 1% of the zone (or 0.5 km²), in input order. */
function hostAdcodes(zone: Polygonal, districts: DistrictCollection): string[] {
  const zoneKm2 = areaKm2(zone);
  return districts.features
    .filter((district) => {
      const shared = clip(zone, district);
      return shared !== null && areaKm2(shared) > Math.min(0.5, zoneKm2 * 0.01);
    })
    .map((district) => district.properties.adcode);
}

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

/** Concatenates polygonal features into one MultiPolygon geometry (parts must not overlap). */
function mergePolygonal(features: Polygonal[]): MultiPolygon {
  return {
    type: 'MultiPolygon',
    coordinates: features.flatMap((feature) =>
      feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates,
    ),
  };
}

function pushKeyAreas(
  input: PlanZoneInput,
  land: Polygonal,
  push: (geometry: Polygonal, properties: Omit<PlanZoneProperties, 'adcodes' | 'approximate'>) => void,
): void {
  const hullArea = (points: [number, number][], marginKm: number) =>
    buffer(polygon([convexHull(points)]), marginKm, { units: 'kilometers', steps: 16 }) as Polygonal;
  const riverBanks = (line: [number, number][]) =>
    clip(buffer(lineString(line), 0.5, { units: 'kilometers', steps: 16 }) as Polygonal, land)!;
  push(hullArea(BUND_LUJIAZUI_NORTH_BUND_POINTS, 0.2), {
    id: 'key_bund_lujiazui_north_bund',
    kind: 'key_area',
    name: '外滩—陆家嘴—北外滩',
    name_en: 'Bund – Lujiazui – North Bund',
    precision:
      'approximate (示意范围): hull of hand-placed landmarks and metro stations, widened 200 m; ±300 m',
  });
  push(hullArea(EXPO_QIANTAN_XUHUI_POINTS, 0.2), {
    id: 'key_expo_qiantan_xuhui_riverside',
    kind: 'key_area',
    name: '世博—前滩—徐汇滨江',
    name_en: 'Expo – Qiantan – Xuhui Riverside',
    precision:
      'approximate (示意范围): hull of hand-placed landmarks and metro stations on both banks, widened 200 m; ±300 m',
  });
  push(riverBanks(HUANGPU_CENTRE_LINE), {
    id: 'key_huangpu_river_banks',
    kind: 'key_area',
    name: '黄浦江两岸 (杨浦大桥—徐浦大桥)',
    name_en: 'Huangpu River banks (Yangpu Bridge – Xupu Bridge)',
    precision:
      'approximate (示意范围): 500 m each side of a hand-placed centre line (±300 m), clipped to land',
  });
  push(riverBanks(SUZHOU_CREEK_CENTRE_LINE), {
    id: 'key_suzhou_creek_banks',
    kind: 'key_area',
    name: '苏州河两岸 (外白渡桥—外环)',
    name_en: 'Suzhou Creek banks (Waibaidu Bridge – outer ring)',
    precision:
      'approximate (示意范围): 500 m each side of a hand-placed centre line (±300 m), clipped to land',
  });
  const pudong = districtByName(input.districts, '浦东新区');
  push(discMatchingArea(ZHANGJIANG_CENTRE, ZHANGJIANG_AREA_KM2, pudong), {
    id: 'key_zhangjiang',
    kind: 'key_area',
    name: '张江科学城',
    name_en: 'Zhangjiang Science City',
    area_km2_official: ZHANGJIANG_AREA_KM2,
    precision:
      'approximate (示意范围): disc of ~95 km² around a hand-placed centre east of 张江高科 station (±1–2 km)',
  });
  const songjiang = districtByName(input.districts, '松江区');
  const corridor = buffer(lineString(G60_SONGJIANG_CENTRE_LINE), 2.5, {
    units: 'kilometers',
    steps: 16,
  }) as Polygonal;
  push(clip(corridor, songjiang)!, {
    id: 'key_g60_songjiang',
    kind: 'key_area',
    name: 'G60科创走廊(松江段)',
    name_en: 'G60 S&T Innovation Corridor (Songjiang segment)',
    precision:
      'approximate (示意范围): 2.5 km each side of a hand-placed G60 expressway centre line (±1 km), clipped to 松江区',
  });
}
