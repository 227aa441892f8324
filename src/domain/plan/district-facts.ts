/**
 * Facts about Shanghai's 16 districts that the analysis needs beyond their boundaries.
 * Population: 7th national census (2020), in units of 10,000 people, as quoted in the plan digest.
 * Density class drives the default propagation environment and the radius table.
 */

export type DensityClass = 'dense_urban' | 'urban' | 'suburban' | 'rural';

export interface DistrictFacts {
  adcode: string;
  name: string;
  nameEn: string;
  population10k: number;
  /** Typical environment of the district's built-up area. */
  densityClass: DensityClass;
}

export const DISTRICT_FACTS: readonly DistrictFacts[] = [
  { adcode: '310101', name: '黄浦区', nameEn: 'Huangpu', population10k: 66.2, densityClass: 'dense_urban' },
  { adcode: '310104', name: '徐汇区', nameEn: 'Xuhui', population10k: 111.3, densityClass: 'dense_urban' },
  { adcode: '310105', name: '长宁区', nameEn: 'Changning', population10k: 69.3, densityClass: 'dense_urban' },
  { adcode: '310106', name: '静安区', nameEn: "Jing'an", population10k: 97.6, densityClass: 'dense_urban' },
  { adcode: '310107', name: '普陀区', nameEn: 'Putuo', population10k: 124.0, densityClass: 'dense_urban' },
  { adcode: '310109', name: '虹口区', nameEn: 'Hongkou', population10k: 75.7, densityClass: 'dense_urban' },
  { adcode: '310110', name: '杨浦区', nameEn: 'Yangpu', population10k: 124.3, densityClass: 'dense_urban' },
  { adcode: '310112', name: '闵行区', nameEn: 'Minhang', population10k: 265.4, densityClass: 'urban' },
  { adcode: '310113', name: '宝山区', nameEn: 'Baoshan', population10k: 223.5, densityClass: 'urban' },
  { adcode: '310114', name: '嘉定区', nameEn: 'Jiading', population10k: 183.4, densityClass: 'suburban' },
  { adcode: '310115', name: '浦东新区', nameEn: 'Pudong', population10k: 568.2, densityClass: 'urban' },
  { adcode: '310116', name: '金山区', nameEn: 'Jinshan', population10k: 82.3, densityClass: 'rural' },
  { adcode: '310117', name: '松江区', nameEn: 'Songjiang', population10k: 191.0, densityClass: 'suburban' },
  { adcode: '310118', name: '青浦区', nameEn: 'Qingpu', population10k: 127.1, densityClass: 'suburban' },
  { adcode: '310120', name: '奉贤区', nameEn: 'Fengxian', population10k: 114.1, densityClass: 'suburban' },
  { adcode: '310151', name: '崇明区', nameEn: 'Chongming', population10k: 63.8, densityClass: 'rural' },
];

const FACTS_BY_ADCODE = new Map(DISTRICT_FACTS.map((facts) => [facts.adcode, facts]));

/** Facts for one district by adcode, or undefined for an unknown code. */
export function districtFacts(adcode: string): DistrictFacts | undefined {
  return FACTS_BY_ADCODE.get(adcode);
}

/** Plan figures the map can speak to (《上海市新一代信息基础设施发展"十四五"规划》). */
export const PLAN_FIGURES = {
  outdoor5gSites2020: 32_000,
  indoor5gSmallCells2020: 51_600,
  fiveGSitesTarget2025: 70_000,
  coverageTargetFraction2025: 0.9,
} as const;

/** Shanghai's bounding box (WGS84), the extent every shipped file lies in. */
export const SHANGHAI_BBOX: readonly [number, number, number, number] = [120.85, 30.65, 122.2, 31.9];
