/**
 * Which column holds what. Headers are matched against Chinese and English names, ignoring case,
 * spaces, punctuation and notes in brackets ("天线挂高(m)", "经度（GCJ02）"). An exact name beats a
 * partial one ("基站经度" contains 经度); two equally good columns for one field are reported as
 * alternatives so the UI asks the user instead of guessing.
 */
import {
  ALL_IMPORT_FIELDS,
  type ColumnMapping,
  type FieldMatch,
  IMPORT_FIELDS,
  type ImportField,
  type ImportTarget,
  type MappingChoice,
  MEASUREMENT_FIELDS,
} from './import-types';
import { MEASUREMENT_SYNONYMS, type Synonyms } from './measurement-synonyms';

const SYNONYMS: Record<ImportField, Synonyms> = {
  lon: {
    exact: ['经度', 'lon', 'lng', 'long', 'longitude', 'x', '东经', '经度坐标', 'wgs84经度'],
    contains: ['经度'],
    words: ['lon', 'lng', 'longitude', 'x'],
  },
  lat: {
    exact: ['纬度', 'lat', 'latitude', 'y', '北纬', '纬度坐标', 'wgs84纬度'],
    contains: ['纬度'],
    words: ['lat', 'latitude', 'y'],
  },
  id: {
    exact: [
      'id',
      '站点id',
      '站号',
      '基站id',
      '站点编号',
      '基站编号',
      '编号',
      'siteid',
      'gnbid',
      '杆号',
      '杆编号',
    ],
    contains: ['编号', '编码', '站号', '杆号'],
    words: ['id', 'code'],
  },
  name: {
    exact: ['站名', '名称', '站点名称', 'name', '基站名称', '站点名', 'sitename', '基站名', '站址名称'],
    contains: ['名称', '站名'],
    words: ['name'],
  },
  azimuth: {
    exact: ['方位角', 'azimuth', '方向角', 'az', 'azi', '天线方位角', 'azimuthdeg'],
    contains: ['方位角', '方向角'],
    words: ['azimuth'],
  },
  height: {
    exact: ['挂高', '天线挂高', 'height', '高度', '杆高', '天线高度', 'heightm'],
    contains: ['挂高', '高度', '杆高'],
    words: ['height'],
  },
  band: {
    exact: ['频段', 'band', '频带', '工作频段', 'nr频段'],
    contains: ['频段'],
    words: ['band'],
  },
  kind: {
    exact: [
      '类型',
      'kind',
      '站型',
      '基站类型',
      '站点类型',
      'type',
      '覆盖类型',
      'sitetype',
      'style',
      '站点属性',
    ],
    contains: ['类型', '站型'],
    // STYLE is how Huawei 工参 exports name 宏站/室分.
    words: ['kind', 'type', 'style'],
  },
  mechanicalTilt: {
    exact: [
      '机械下倾角',
      '机械下倾',
      '机械倾角',
      '机械倾角度',
      'mechtilt',
      'mechanicaltilt',
      'mechanicaldowntilt',
      'mdowntilt',
      'mtilt',
      'mechanicaltiltdeg',
    ],
    contains: ['机械下倾', '机械倾角'],
    words: ['mechtilt', 'mdowntilt'],
  },
  electricalTilt: {
    exact: [
      '电子下倾角',
      '电子下倾',
      '电调下倾角',
      '电调下倾',
      '电下倾角',
      '电子倾角',
      '预置电下倾',
      'electtilt',
      'electilt',
      'electricaltilt',
      'electricaldowntilt',
      'edowntilt',
      'etilt',
      'rettilt',
      'electricaltiltdeg',
    ],
    contains: ['电子下倾', '电调下倾', '电下倾', '电子倾角'],
    words: ['electtilt', 'edowntilt', 'etilt'],
  },
  tilt: {
    exact: ['下倾角', 'tilt', '总下倾角', '总下倾', '下倾', '总倾角', 'totaltilt', 'totletilt', 'downtilt'],
    contains: ['下倾'],
    words: ['tilt', 'downtilt'],
  },
  verticalBeamwidth: {
    exact: [
      '垂直波瓣宽度',
      '垂直半功率角',
      '垂直波束宽度',
      '垂直波宽',
      'vbw',
      'verticalbeamwidth',
      'vbeamwidth',
      'verticalbeamwidthdeg',
    ],
    contains: ['垂直波瓣', '垂直半功率', '垂直波束'],
    words: ['vbw'],
  },
  beamwidth: {
    exact: [
      '波瓣宽度',
      '水平波瓣宽度',
      '水平半功率角',
      '水平波束宽度',
      '水平波宽',
      'hbw',
      'beamwidth',
      'horizontalbeamwidth',
      'hbeamwidth',
      'beamwidthdeg',
    ],
    contains: ['水平波瓣', '水平半功率', '水平波束', '波瓣宽度'],
    words: ['hbw', 'beamwidth'],
  },
  // PCI: a site sheet's and a measurement file's serving cell.
  pci: {
    exact: [
      'pci',
      'nrpci',
      'servingpci',
      'scellpci',
      'pcellpci',
      '服务小区pci',
      '主服务小区pci',
      '物理小区标识',
    ],
    contains: ['pci'],
    words: ['pci'],
  },
  ...MEASUREMENT_SYNONYMS,
};

/** A column name longer than this is not a name: only its start is matched (keeps matching linear). */
const MAX_HEADER_LENGTH = 200;
/** Cells of a row findHeaderRow looks at: a header names its fields in its first columns. */
const MAX_HEADER_CELLS = 1024;

/** Lower case, full-width folded, without bracketed notes, spaces and punctuation. */
export function normaliseHeader(header: string): string {
  return header
    .slice(0, MAX_HEADER_LENGTH)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[([【][^)\]】]*[)\]】]/g, '')
    .replace(/[\s_\-.:/\\·、]/g, '');
}

/** 2 for an exact name, 1 for a partial one, 0 for none. */
export function headerScore(header: string, field: ImportField): number {
  const synonyms = SYNONYMS[field];
  const normalised = normaliseHeader(header);
  if (normalised === '') return 0;
  if (synonyms.exact.includes(normalised)) return 2;
  if (synonyms.contains.some((part) => normalised.includes(part))) return 1;
  const words = header
    .slice(0, MAX_HEADER_LENGTH)
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return synonyms.words.some((word) => words.includes(word)) ? 1 : 0;
}

/**
 * Index of the header row among the first rows: the first row naming at least two known columns,
 * one of them a coordinate; else the first row with any content. A title row above the header
 * ("上海市5G基站工参表") names no column, so it is skipped.
 */
export function findHeaderRow(rows: readonly (readonly string[])[], maxScan = 30): number | undefined {
  let firstNonEmpty: number | undefined;
  for (let index = 0; index < Math.min(rows.length, maxScan); index++) {
    const row = rows[index]!;
    if (firstNonEmpty === undefined && row.some((cell) => cell.trim() !== '')) firstNonEmpty = index;
    let named = 0;
    let coordinate = false;
    for (let column = 0; column < Math.min(row.length, MAX_HEADER_CELLS); column++) {
      const cell = row[column]!;
      if (IMPORT_FIELDS.some((field) => headerScore(cell, field) > 0)) named++;
      if (headerScore(cell, 'lon') > 0 || headerScore(cell, 'lat') > 0) coordinate = true;
    }
    if (named >= 2 && coordinate) return index;
  }
  return firstNonEmpty;
}

const NUMBER_LIKE = /^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$|°/;

/**
 * Matches columns to fields. `sampleRows` (optional) flag a coordinate column whose values are not
 * numbers, so the dialog opens.
 */
export function detectColumns(
  columns: readonly string[],
  sampleRows: readonly (readonly string[])[] = [],
  matchedFields: readonly ImportField[] = IMPORT_FIELDS,
): ColumnMapping {
  const taken = new Set<number>();
  const fields = {} as Record<ImportField, FieldMatch>;
  for (const field of ALL_IMPORT_FIELDS) fields[field] = { field, confidence: 'none', alternatives: [] };
  let needsReview = false;
  for (const field of matchedFields) {
    const scores = columns.map((column, index) => (taken.has(index) ? 0 : headerScore(column, field)));
    // A loop, not Math.max(...scores): spreading a file-sized array into arguments overflows the stack.
    let best = 0;
    for (const score of scores) if (score > best) best = score;
    const matches = scores.flatMap((score, index) => (score === best && best > 0 ? [index] : []));
    const column = matches[0];
    if (column !== undefined) taken.add(column);
    fields[field] = {
      field,
      column,
      confidence: best === 2 ? 'exact' : best === 1 ? 'partial' : 'none',
      alternatives: matches.slice(1),
    };
    if (matches.length > 1) needsReview = true;
  }
  for (const field of ['lon', 'lat'] as const) {
    const match = fields[field];
    if (match.column === undefined || match.confidence !== 'exact') needsReview = true;
    else if (!mostlyNumeric(sampleRows, match.column)) needsReview = true;
  }
  return { columns: [...columns], fields, needsReview };
}

function mostlyNumeric(rows: readonly (readonly string[])[], column: number): boolean {
  const values = rows.map((row) => (row[column] ?? '').trim()).filter((value) => value !== '');
  if (values.length === 0) return true;
  return values.filter((value) => NUMBER_LIKE.test(value)).length >= values.length / 2;
}

/** The mapping with the user's choices applied (null = "this file has no such column"). */
export function applyMappingChoice(mapping: ColumnMapping, choice: MappingChoice | undefined): ColumnMapping {
  if (!choice) return mapping;
  const fields = { ...mapping.fields };
  for (const field of ALL_IMPORT_FIELDS) {
    const chosen = choice[field];
    if (chosen === undefined) continue;
    const column = chosen === null || chosen < 0 || chosen >= mapping.columns.length ? undefined : chosen;
    fields[field] = { field, column, confidence: column === undefined ? 'none' : 'exact', alternatives: [] };
  }
  return { ...mapping, fields, needsReview: false };
}

/**
 * True when a table's columns look like measurements rather than a site list: a column named as RSRP
 * (or 电平) beside the coordinates. Site sheets carry no received level.
 */
export function looksLikeMeasurements(columns: readonly string[]): boolean {
  return columns.some((column) => headerScore(column, 'rsrp') > 0);
}

/** The fields matched for a layer's detection. */
export function detectionFields(target: ImportTarget): readonly ImportField[] {
  return target === 'measurements' ? MEASUREMENT_FIELDS : IMPORT_FIELDS;
}
