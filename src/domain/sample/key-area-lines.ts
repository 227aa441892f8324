/**
 * Hand-placed WGS84 positions for the key areas of 全域提质. None is an official boundary: they are
 * drawn from landmarks and metro stations (data/geo/metro-stations.geojson, WGS84 ±50 m) and are
 * good to a few hundred metres. The Huangpu centre line is not here: it is derived from the district
 * boundary in plan-zone-key-areas.ts.
 */
type LonLat = [number, number];

/** 苏州河 centre line, mouth at 外白渡桥 → the outer ring at 北新泾. */
export const SUZHOU_CREEK_CENTRE_LINE: LonLat[] = [
  [121.491, 31.2455], // 外白渡桥 (mouth)
  [121.4835, 31.2447], // 四川路桥
  [121.474, 31.2432], // 西藏路桥
  [121.463, 31.2425], // 新闸路 / 曲阜路
  [121.453, 31.241], // 恒丰路
  [121.442, 31.24], // 昌化路
  [121.43, 31.239], // 长寿路 / 武宁路
  [121.422, 31.232], // 华东政法 bend
  [121.413, 31.228], // 中山公园 north
  [121.4, 31.225], // 长风
  [121.385, 31.221], // 北新泾
  [121.365, 31.218], // 外环 (outer ring)
];

/** Landmarks of 外滩—陆家嘴—北外滩: 外滩, 陆家嘴 finance area, 北外滩 (国际客运中心, 提篮桥). */
export const BUND_LUJIAZUI_NORTH_BUND_POINTS: LonLat[] = [
  [121.488, 31.23], // 外滩 south (十六铺, west bank)
  [121.487, 31.2455], // 外白渡桥, west end of the Bund
  [121.49, 31.253], // 北外滩 west (国际客运中心 area)
  [121.5024, 31.256], // 提篮桥
  [121.512, 31.254], // 北外滩 east
  [121.517, 31.242], // 陆家嘴 east (浦东大道)
  [121.515, 31.23], // 陆家嘴 south-east (世纪大道)
  [121.503, 31.227], // 陆家嘴 south (滨江)
];

/** Landmarks of 世博—前滩—徐汇滨江: Expo site, Qiantan, Xuhui riverside (stations along both banks). */
export const EXPO_QIANTAN_XUHUI_POINTS: LonLat[] = [
  [121.4771, 31.1995], // 世博会博物馆
  [121.495, 31.196], // 世博 Pudong, east end
  [121.4901, 31.1805], // 耀华路
  [121.485, 31.15], // 前滩 east
  [121.472, 31.139], // 前滩 south
  [121.4551, 31.1616], // 龙耀路
  [121.4523, 31.1867], // 龙华中路
  [121.464, 31.196], // 日晖港 (north end of 徐汇滨江)
];

/** G60 (沪昆高速 Shanghai–Kunming expressway), Songjiang stretch from 新桥 to the Jinshan border. */
export const G60_SONGJIANG_CENTRE_LINE: LonLat[] = [
  [121.335, 31.095], // 莘庄立交 side, Minhang border
  [121.29, 31.078], // 新桥
  [121.24, 31.065], // 松江大学城 north
  [121.19, 31.048],
  [121.14, 31.012],
  [121.09, 30.965],
  [121.04, 30.925], // 枫泾 direction (Songjiang–Jinshan border)
];

/** Approximate centre of 张江科学城 (Zhangjiang Science City), east of 张江高科 station. */
export const ZHANGJIANG_CENTRE: LonLat = [121.605, 31.19];
export const ZHANGJIANG_AREA_KM2 = 95;
