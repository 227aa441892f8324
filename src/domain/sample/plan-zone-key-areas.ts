import buffer from '@turf/buffer';
import { lineString, multiLineString, polygon } from '@turf/helpers';
import { convexHull } from '../geo/convex-hull';
import { sharedBoundary } from '../geo/shared-boundary';
import type { PlanZoneProperties } from '../types';
import {
  BUND_LUJIAZUI_NORTH_BUND_POINTS,
  EXPO_QIANTAN_XUHUI_POINTS,
  G60_SONGJIANG_CENTRE_LINE,
  SUZHOU_CREEK_CENTRE_LINE,
  ZHANGJIANG_AREA_KM2,
  ZHANGJIANG_CENTRE,
} from './key-area-lines';
import { clip, discMatchingArea, districtByName, type Polygonal } from './plan-zone-geometry';
import type { PlanZoneInput } from './plan-zones';

/** Adds the key areas of 全域提质 (approximate) through `push`. */
export function pushKeyAreas(
  input: PlanZoneInput,
  land: Polygonal,
  push: (geometry: Polygonal, properties: Omit<PlanZoneProperties, 'adcodes' | 'approximate'>) => void,
): void {
  const hullArea = (points: [number, number][], marginKm: number) =>
    buffer(polygon([convexHull(points)]), marginKm, { units: 'kilometers', steps: 16 }) as Polygonal;
  const riverBanks = (lines: [number, number][][]) =>
    clip(buffer(multiLineString(lines), 0.5, { units: 'kilometers', steps: 16 }) as Polygonal, land)!;
  // Between Pudong and the central districts the district boundary runs down the Huangpu's
  // channel, so the shared edge is a data-derived centre line (Yangpu–Baoshan to Xuhui–Minhang).
  const huangpuCentreLine = sharedBoundary(
    districtByName(input.districts, '浦东新区').geometry,
    ['黄浦区', '虹口区', '杨浦区', '徐汇区'].map((name) => districtByName(input.districts, name).geometry),
  ) as [number, number][][];
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
  push(riverBanks(huangpuCentreLine), {
    id: 'key_huangpu_river_banks',
    kind: 'key_area',
    name: '黄浦江两岸 (中心城区段)',
    name_en: 'Huangpu River banks (central city)',
    precision:
      'approximate (示意范围): 500 m each side of the river centre line, taken as the Pudong boundary with Yangpu, Hongkou, Huangpu and Xuhui (geoBoundaries, ±100 m)',
  });
  push(riverBanks([SUZHOU_CREEK_CENTRE_LINE]), {
    id: 'key_suzhou_creek_banks',
    kind: 'key_area',
    name: '苏州河两岸 (外白渡桥—外环)',
    name_en: 'Suzhou Creek banks (Waibaidu Bridge – outer ring)',
    precision:
      'approximate (示意范围): 500 m each side of a hand-placed centre line, clipped to land; within ~70–550 m of the district boundaries that follow the creek',
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
