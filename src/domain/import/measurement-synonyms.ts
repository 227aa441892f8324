/**
 * Header synonyms of the measurement-only fields (drive-test and MR exports: RSRP, SINR, serving cell,
 * time), kept apart from the site fields' in column-detection.ts. PCI is a site field as well and stays
 * there.
 */
import type { ImportField } from './import-types';

export interface Synonyms {
  /** Whole normalised header equals one of these. */
  exact: readonly string[];
  /** Header contains one of these (Chinese) … */
  contains: readonly string[];
  /** … or has one of these as a Latin word. */
  words: readonly string[];
}

export const MEASUREMENT_SYNONYMS: Record<
  Extract<ImportField, 'rsrp' | 'sinr' | 'cell' | 'time'>,
  Synonyms
> = {
  // Drive-test and MR exports: serving-cell columns first; neighbour columns ("邻区1 RSRP", "NCell RSRP")
  // match only partly, so an exact serving column wins and two partial ones make the dialog ask.
  rsrp: {
    exact: [
      'rsrp',
      'ssrsrp',
      'nrrsrp',
      'nrssrsrp',
      'ssbrsrp',
      'rsrpdbm',
      'servingrsrp',
      'scellrsrp',
      'pcellrsrp',
      '电平',
      '接收电平',
      '服务小区rsrp',
      '服务小区电平',
      '主服务小区rsrp',
      '参考信号接收功率',
    ],
    contains: ['rsrp', '电平'],
    words: ['rsrp'],
  },
  sinr: {
    exact: [
      'sinr',
      'sssinr',
      'nrsinr',
      'nrsssinr',
      'ssbsinr',
      'sinrdb',
      'servingsinr',
      'scellsinr',
      '信噪比',
      '服务小区sinr',
    ],
    contains: ['sinr', '信噪比'],
    words: ['sinr'],
  },
  cell: {
    exact: [
      'cell',
      'cellid',
      'cellname',
      'servingcell',
      'servingcellid',
      'scell',
      'scellid',
      'eci',
      'nci',
      'ecgi',
      'ncgi',
      'cgi',
      'sectorid',
      'siteid',
      'gnbid',
      'enbid',
      '小区',
      '小区id',
      '小区名',
      '小区名称',
      '小区标识',
      '小区编号',
      '服务小区',
      '服务小区id',
      '站点id',
      '基站id',
    ],
    contains: ['小区'],
    words: ['cell', 'eci', 'nci', 'ecgi', 'ncgi', 'cgi'],
  },
  time: {
    exact: [
      'time',
      'timestamp',
      'datetime',
      'date',
      'utc',
      'gpstime',
      '时间',
      '采样时间',
      '测量时间',
      '日期时间',
      '时间戳',
    ],
    contains: ['时间'],
    words: ['time', 'timestamp', 'datetime'],
  },
};
