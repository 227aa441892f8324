/**
 * The plan's 12 main indicators (主要指标表 of 《上海市新一代信息基础设施发展"十四五"规划》): the 2020 value
 * and the 2025 target, as data. The dashboard, story chapter 0 and the report all read this one list.
 */

export type IndicatorPillar = 'connectivity' | 'computing' | 'sensing' | 'hub' | 'innovation';

/** How the 2025 target is phrased in the plan: ≥, >, <, or a plain figure. */
export type TargetComparison = 'atLeast' | 'moreThan' | 'lessThan' | 'equal';

export interface PlanIndicator {
  /** 1–12, the row of the plan's table. */
  number: number;
  id: string;
  pillar: IndicatorPillar;
  nameZh: string;
  nameEn: string;
  unitZh: string;
  unitEn: string;
  value2020: number;
  /** True where the plan gives the 2020 value as an approximation (约). */
  approximate2020?: boolean;
  target2025: number;
  comparison: TargetComparison;
  /** For "lower is better" (PUE): progress runs the other way. */
  lowerIsBetter?: boolean;
}

export const PLAN_INDICATORS: readonly PlanIndicator[] = [
  {
    number: 1,
    id: 'broadbandDownload',
    pillar: 'connectivity',
    nameZh: '固定宽带平均可用下载速率',
    nameEn: 'Fixed broadband average usable download rate',
    unitZh: 'Mbps',
    unitEn: 'Mbps',
    value2020: 50.32,
    target2025: 120,
    comparison: 'atLeast',
  },
  {
    number: 2,
    id: 'broadbandAccess',
    pillar: 'connectivity',
    nameZh: '固定宽带平均接入带宽',
    nameEn: 'Fixed broadband average access bandwidth',
    unitZh: 'Mbps',
    unitEn: 'Mbps',
    value2020: 209.9,
    target2025: 600,
    comparison: 'atLeast',
  },
  {
    number: 3,
    id: 'fiveGDownload',
    pillar: 'connectivity',
    nameZh: '5G网络用户平均下载速率',
    nameEn: '5G average user download rate',
    unitZh: 'Mbps',
    unitEn: 'Mbps',
    value2020: 335.19,
    target2025: 500,
    comparison: 'equal',
  },
  {
    number: 4,
    id: 'fiveGPenetration',
    pillar: 'connectivity',
    nameZh: '5G用户普及率',
    nameEn: '5G user penetration',
    unitZh: '%',
    unitEn: '%',
    value2020: 24.5,
    target2025: 100,
    comparison: 'equal',
  },
  {
    number: 5,
    id: 'idcRacks',
    pillar: 'computing',
    nameZh: '互联网数据中心标准机架可用规模',
    nameEn: 'IDC standard racks available',
    unitZh: '万架',
    unitEn: '10k racks',
    value2020: 11,
    target2025: 28,
    comparison: 'equal',
  },
  {
    number: 6,
    id: 'computingPower',
    pillar: 'computing',
    nameZh: '数据中心算力',
    nameEn: 'Data-centre computing power',
    unitZh: 'PFlops',
    unitEn: 'PFlops',
    value2020: 4600,
    target2025: 14000,
    comparison: 'atLeast',
  },
  {
    number: 7,
    id: 'newDatacentrePue',
    pillar: 'computing',
    nameZh: '新建数据中心综合PUE',
    nameEn: 'PUE of new data centres',
    unitZh: '',
    unitEn: '',
    value2020: 1.3,
    target2025: 1.3,
    comparison: 'lessThan',
    lowerIsBetter: true,
  },
  {
    number: 8,
    id: 'iotTerminals',
    pillar: 'sensing',
    nameZh: '物联网数据卡终端数量',
    nameEn: 'IoT SIM terminals',
    unitZh: '万个',
    unitEn: '10k',
    value2020: 6000,
    approximate2020: true,
    target2025: 10000,
    comparison: 'moreThan',
  },
  {
    number: 9,
    id: 'citySensingTerminals',
    pillar: 'sensing',
    nameZh: '其中：新型城域物联感知终端数量',
    nameEn: 'of which: city IoT sensing terminals',
    unitZh: '万个',
    unitEn: '10k',
    value2020: 500,
    target2025: 1000,
    comparison: 'moreThan',
  },
  {
    number: 10,
    id: 'internationalEgress',
    pillar: 'hub',
    nameZh: '互联网国际出口带宽',
    nameEn: 'International internet egress bandwidth',
    unitZh: 'Tbps',
    unitEn: 'Tbps',
    value2020: 6.9,
    target2025: 15,
    comparison: 'atLeast',
  },
  {
    number: 11,
    id: 'interProvincialEgress',
    pillar: 'hub',
    nameZh: '互联网省际出口带宽',
    nameEn: 'Inter-provincial internet egress bandwidth',
    unitZh: 'Tbps',
    unitEn: 'Tbps',
    value2020: 28,
    target2025: 80,
    comparison: 'atLeast',
  },
  {
    number: 12,
    id: 'dualGigabitProjects',
    pillar: 'innovation',
    nameZh: '“双千兆”创新应用项目',
    nameEn: '"Dual-gigabit" innovation projects',
    unitZh: '个',
    unitEn: 'projects',
    value2020: 400,
    target2025: 1500,
    comparison: 'equal',
  },
];

/**
 * How far the 2020 value stood toward the 2025 target, 0–1 (value ÷ target; for lower-is-better
 * indicators target ÷ value). The PUE row is 1: 2020's 1.3 already meets "< 1.3" in all but the sign.
 */
export function progressToward2025(
  indicator: Pick<PlanIndicator, 'value2020' | 'target2025' | 'lowerIsBetter'>,
  value = indicator.value2020,
): number {
  if (indicator.target2025 <= 0 || value <= 0) return 0;
  const ratio = indicator.lowerIsBetter ? indicator.target2025 / value : value / indicator.target2025;
  return Math.max(0, Math.min(1, ratio));
}

/** The comparison sign the plan uses for a target: ≥, >, < or none. */
export function comparisonSign(comparison: TargetComparison): string {
  switch (comparison) {
    case 'atLeast':
      return '≥';
    case 'moreThan':
      return '>';
    case 'lessThan':
      return '<';
    case 'equal':
      return '';
  }
}

/** Indicators the map's scenario can speak to, and what of the scenario answers them. */
export const SCENARIO_BENCHMARKS = {
  /** >70,000 5G base stations by 2025 (五、(一)); compared with the scenario's site count. */
  fiveGSites: { target: 70_000, value2020: 32_000 },
  /** 5G coverage above 90% of the city by 2025; compared with the engine's covered land fraction. */
  coverageFraction: { target: 0.9 },
  /**
   * Indicator 3, 5G average user download rate: 335.19 Mbps in 2020, 500 Mbps by 2025, and 1000 Mbps in
   * key areas by 2023 (二、(二) and 五、(一)); compared with the map's area-weighted mean rate (an estimate).
   */
  fiveGRateMbps: { value2020: 335.19, target2025: 500, keyAreas2023: 1000 },
} as const;
