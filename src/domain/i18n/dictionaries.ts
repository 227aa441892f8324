/**
 * UI strings in Chinese (default) and English. Pure data so map/ and ui/ share one source of words.
 * Keys are stable identifiers; add a key to both dictionaries at once (the type enforces it).
 */

import type { calibrationZh } from './messages/calibration';
import { coverageEn, coverageZh } from './messages/coverage';
import { districtEn, districtZh } from './messages/district';
import type { importZh } from './messages/import';
import type { importCheckZh } from './messages/import-check';
import type { importFailuresZh } from './messages/import-failures';
import { plannerEn, plannerZh } from './messages/planner';
import { progressEn, progressZh } from './messages/progress';
import { radioEn, radioZh } from './messages/radio';
import { sampleEn, sampleZh } from './messages/sample';
import { storageEn, storageZh } from './messages/storage';
import { storyEn, storyZh } from './messages/story';
import { suggestEn, suggestZh } from './messages/suggest';
import type { teamZh } from './messages/team';

export type Language = 'zh' | 'en';
export const LANGUAGES: readonly Language[] = ['zh', 'en'];

const baseZh = {
  'app.title': '上海新一代信息基础设施布局规划',
  'app.subtitle': '“十四五”规划 · 感-连-算-枢',
  'language.switch': 'English',
  'language.switchLabel': '切换到英文界面',
  'panel.title': '图层',
  'panel.collapse': '收起面板',
  'panel.layersLabel': '图层与图例',
  'group.admin': '行政区划',
  'group.plan': '空间布局：全域提质、两翼添能、新城创极',
  'group.infrastructure': '算力与枢纽设施',
  'group.network': '5G 与综合杆',
  'group.reference': '参考',
  'layer.districts': '行政区（16 个）',
  'layer.newTowns': '五个新城',
  'layer.wings': '两翼',
  'layer.keyAreas': '全域提质重点区域',
  'layer.datacentres': '数据中心集群',
  'layer.cableLandings': '海缆登陆站',
  'layer.internetExchange': '互联网交换中心',
  'layer.sites': '5G 基站（示意基线）',
  'layer.poles': '综合杆',
  'layer.metro': '轨道交通（参考）',
  'layer.basemap': '底图（陆地、海域、水系、滩涂）',
  'legend.district': '区界',
  'legend.newTown': '新城（示意范围）',
  'legend.wingEast': '东翼：临港新片区（示意范围）',
  'legend.wingWest': '西翼：虹桥商务区 + 示范区（示意范围）',
  'legend.keyArea': '重点区域（示意范围）',
  'legend.hubCluster': '枢纽型数据中心集群',
  'legend.agglomeration': '城市数据中心集聚区',
  'legend.otherDatacentre': '其他数据中心',
  'legend.cableLanding': '海缆登陆站',
  'legend.internetExchange': '新型互联网交换中心',
  'legend.site': '室外宏基站',
  'legend.pole': '综合杆（缩放至 12 级以上显示）',
  'legend.metroLine': '地铁线路（示意）',
  'legend.metroStation': '地铁车站',
  'badge.sample': '示意数据',
  'badge.approximate': '示意范围',
  'status.loading': '正在加载：{names}',
  'status.ready': '地图已就绪',
  'status.sample': '“{names}”为示意数据（合成，非真实站址）',
  'status.error': '无法加载“{names}”，其余图层正常。',
  'status.zoomForPoles': '综合杆在 12 级以上显示',
  'popup.close': '关闭',
  'popup.nameZh': '中文名',
  'popup.nameEn': '英文名',
  'popup.pinyin': '拼音',
  'popup.adcode': '行政区划代码',
  'popup.areaOfficial': '官方面积',
  'popup.areaPolygon': '多边形面积',
  'popup.kind': '类型',
  'popup.tier': '级别',
  'popup.cables': '海缆',
  'popup.opened': '开通',
  'popup.source': '来源',
  'popup.precision': '精度',
  'popup.id': '编号',
  'popup.band': '频段',
  'popup.height': '高度',
  'popup.status': '状态',
  'popup.district': '所在区',
  'popup.line': '线路',
  'popup.lines': '换乘线路',
  'popup.approximateExtent': '示意范围：非官方边界',
  'popup.sampleData': '示意数据：合成样本，非真实设施',
  'popup.placeholder': '位置为占位点，未经核实',
  'popup.schematic': '示意线路，非真实轨道走向',
  'popup.wing': '翼',
  'value.newTown': '新城',
  'value.wing': '两翼',
  'value.keyArea': '全域提质重点区域',
  'value.wingEast': '东翼',
  'value.wingWest': '西翼',
  'value.hubCluster': '枢纽型集群',
  'value.agglomeration': '城市集聚区',
  'value.otherDatacentre': '其他',
  'value.macro': '宏站',
  'value.micro': '微站',
  'value.indoor': '室分',
  'value.existing': '现网',
  'value.planned': '已规划',
  'value.candidate': '候选',
  'unit.km2': '平方公里',
  'unit.m': '米',
  'source.districts': 'geoBoundaries gbOpen CHN ADM3（基于 OpenStreetMap），2017',
  'source.sites': '合成示意数据，按规划数据校准（2020 年 3.2 万个基站，2025 年 7.2 万个）',
  'source.poles': '合成示意数据',
  'source.imported': '导入的数据（保存在当前方案中）',
  'source.metro': 'metromancn/MetroMapOpenMiniProgram（MIT）',
  'precision.districts': '节点间距约 25–115 米；2017 年边界；浦东、崇明含滩涂',
  'precision.metroStations': '由 GCJ-02 转换为 WGS84，约 50 米',
} as const;

const zh = {
  ...baseZh,
  ...coverageZh,
  ...radioZh,
  ...plannerZh,
  ...districtZh,
  ...storyZh,
  ...suggestZh,
  ...sampleZh,
  ...progressZh,
  ...storageZh,
} as const;

/**
 * The import, calibration and team features' strings are registered when their code loads
 * (feature-messages.ts, from the features' chunk, the CLI and the import view): they are a tenth of the
 * first-load JavaScript and no first-screen text needs them.
 */
type LaterMessages = typeof importZh &
  typeof importFailuresZh &
  typeof importCheckZh &
  typeof calibrationZh &
  typeof teamZh;

export type MessageKey = keyof typeof zh | keyof LaterMessages;
export type Dictionary = Record<MessageKey, string>;

const baseEn: Record<keyof typeof baseZh, string> = {
  'app.title': 'Shanghai New-Generation Information Infrastructure Layout',
  'app.subtitle': '14th Five-Year Plan · sensing, connectivity, computing, hub',
  'language.switch': '中文',
  'language.switchLabel': 'Switch the interface to Chinese',
  'panel.title': 'Layers',
  'panel.collapse': 'Collapse the panel',
  'panel.layersLabel': 'Layers and legend',
  'group.admin': 'Administrative',
  'group.plan': 'Spatial layout: city-wide quality, two wings, new towns',
  'group.infrastructure': 'Computing and hub facilities',
  'group.network': '5G and comprehensive poles',
  'group.reference': 'Reference',
  'layer.districts': 'Districts (16)',
  'layer.newTowns': 'Five new towns',
  'layer.wings': 'Two wings',
  'layer.keyAreas': 'Key areas (city-wide quality)',
  'layer.datacentres': 'Data-centre clusters',
  'layer.cableLandings': 'Cable landing stations',
  'layer.internetExchange': 'Internet exchange',
  'layer.sites': '5G base stations (sample baseline)',
  'layer.poles': 'Comprehensive poles',
  'layer.metro': 'Metro (reference)',
  'layer.basemap': 'Basemap (land, sea, water, tidal flats)',
  'legend.district': 'District boundary',
  'legend.newTown': 'New town (approximate extent)',
  'legend.wingEast': 'East wing: Lingang (approximate extent)',
  'legend.wingWest': 'West wing: Hongqiao + demo zone (approximate extent)',
  'legend.keyArea': 'Key area (approximate extent)',
  'legend.hubCluster': 'Hub data-centre cluster',
  'legend.agglomeration': 'City data-centre agglomeration',
  'legend.otherDatacentre': 'Other data centres',
  'legend.cableLanding': 'Submarine cable landing station',
  'legend.internetExchange': 'New-type internet exchange',
  'legend.site': 'Outdoor macro site',
  'legend.pole': 'Comprehensive pole (from zoom 12)',
  'legend.metroLine': 'Metro line (schematic)',
  'legend.metroStation': 'Metro station',
  'badge.sample': 'sample data',
  'badge.approximate': 'approximate extent',
  'status.loading': 'Loading: {names}',
  'status.ready': 'Map ready',
  'status.sample': '{names}: sample data (synthetic, not real sites)',
  'status.error': 'Could not load {names}; the other layers work.',
  'status.zoomForPoles': 'Poles show from zoom 12',
  'popup.close': 'Close',
  'popup.nameZh': 'Chinese name',
  'popup.nameEn': 'English name',
  'popup.pinyin': 'Pinyin',
  'popup.adcode': 'Admin code',
  'popup.areaOfficial': 'Official area',
  'popup.areaPolygon': 'Polygon area',
  'popup.kind': 'Kind',
  'popup.tier': 'Tier',
  'popup.cables': 'Cables',
  'popup.opened': 'Opened',
  'popup.source': 'Source',
  'popup.precision': 'Precision',
  'popup.id': 'ID',
  'popup.band': 'Band',
  'popup.height': 'Height',
  'popup.status': 'Status',
  'popup.district': 'District',
  'popup.line': 'Line',
  'popup.lines': 'Lines',
  'popup.approximateExtent': 'Approximate extent: not an official boundary',
  'popup.sampleData': 'Sample data: synthetic, not a real facility',
  'popup.placeholder': 'Placeholder location, not verified',
  'popup.schematic': 'Schematic line, not the real track',
  'popup.wing': 'Wing',
  'value.newTown': 'New town',
  'value.wing': 'Wing',
  'value.keyArea': 'Key area (city-wide quality)',
  'value.wingEast': 'East',
  'value.wingWest': 'West',
  'value.hubCluster': 'Hub cluster',
  'value.agglomeration': 'City agglomeration',
  'value.otherDatacentre': 'Other',
  'value.macro': 'Macro',
  'value.micro': 'Micro',
  'value.indoor': 'Indoor',
  'value.existing': 'Existing',
  'value.planned': 'Planned',
  'value.candidate': 'Candidate',
  'unit.km2': 'km²',
  'unit.m': 'm',
  'source.districts': 'geoBoundaries gbOpen CHN ADM3 (from OpenStreetMap), 2017',
  'source.sites':
    'Synthetic sample, calibrated to the plan’s figures (32,000 base stations in 2020, 72,000 in 2025)',
  'source.poles': 'Synthetic sample',
  'source.imported': 'Imported (kept in the open scenario)',
  'source.metro': 'metromancn/MetroMapOpenMiniProgram (MIT)',
  'precision.districts':
    'Vertex spacing ~25–115 m; 2017 boundaries; Pudong and Chongming include tidal flats',
  'precision.metroStations': 'Converted GCJ-02 → WGS84, ~50 m',
};

const en: Record<keyof typeof zh, string> = {
  ...baseEn,
  ...coverageEn,
  ...radioEn,
  ...plannerEn,
  ...districtEn,
  ...storyEn,
  ...suggestEn,
  ...sampleEn,
  ...progressEn,
  ...storageEn,
};

// Complete once registerMessages has added the later features' strings (feature-messages.ts).
export const DICTIONARIES: Readonly<Record<Language, Dictionary>> = {
  zh: { ...zh },
  en: { ...en },
} as Record<Language, Dictionary>;

/** Adds a feature's strings to both dictionaries (called once when the feature's code loads). */
export function registerMessages(zhPart: Partial<Dictionary>, enPart: Partial<Dictionary>): void {
  Object.assign(DICTIONARIES.zh, zhPart);
  Object.assign(DICTIONARIES.en, enPart);
}
