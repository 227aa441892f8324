/**
 * The import's defaults (one warning per kind of fix, with its rows) and the parameter check
 * (工参体检), zh and en. Defaults are those of docs/import.md; thresholds those of parameter-check.ts.
 */
export const importCheckZh = {
  'import.default.height.empty':
    '{count} 行挂高为空，按站型的默认挂高计算（宏站 25 米、微站 9 米、室分 3 米）：第 {rows} 行',
  'import.default.height.zero':
    '{count} 行挂高为 0（多为室分），按站型的默认挂高计算（宏站 25 米、微站 9 米、室分 3 米）：第 {rows} 行',
  'import.default.height.notANumber':
    '{count} 行挂高不是数字（如“隧道内”），按站型的默认挂高计算：第 {rows} 行',
  'import.default.height.outOfRange': '{count} 行挂高超出 1–300 米，按站型的默认挂高计算：第 {rows} 行',
  'import.default.azimuth.empty': '{count} 行方位角为空，按全向站导入：第 {rows} 行',
  'import.default.azimuth.notANumber': '{count} 行方位角不是数字（如“NA”），按全向站导入：第 {rows} 行',
  'import.default.azimuth.outOfRange': '{count} 行方位角超出 0–360°，按全向站导入：第 {rows} 行',
  'import.default.tilt.empty': '{count} 行下倾角为空，按站型的默认下倾角计算：第 {rows} 行',
  'import.default.tilt.notANumber': '{count} 行下倾角不是数字，按站型的默认下倾角计算：第 {rows} 行',
  'import.default.tilt.outOfRange': '{count} 行下倾角超出 −20–90°，按站型的默认下倾角计算：第 {rows} 行',
  'import.default.band.unknown':
    '{count} 行频段不是本工具建模的 5G 频段（n28/n41/n78/n79），按默认频段 n78 计算：第 {rows} 行',
  'import.default.kind.unknown': '{count} 行站型无法识别（宏站、微站、室分），按宏站计算：第 {rows} 行',
  'import.default.name.tooLong': '{count} 行名称超过 100 字，已截短：第 {rows} 行',
  'import.default.id.tooLong': '{count} 行编号超过 128 字，改用行号生成编号：第 {rows} 行',
  'import.check.title': '工参体检',
  'import.check.summary': '检查了 {checked} 个导入的扇区：{count} 处值得复核（不影响导入）',
  'import.check.clean': '检查了 {checked} 个导入的扇区，未发现常见问题。',
  'import.check.download': '下载体检结果（CSV）',
  'import.check.rows': '第 {rows} 行',
  'import.check.code.mastTall': '挂高 ≥ 50 米',
  'import.check.code.mastLow': '宏站挂高 < 10 米',
  'import.check.code.tiltOutside': '总下倾角不在 2–16° 之间',
  'import.check.code.sectorsClose': '同站同频扇区方位角间隔 < 65°',
  'import.check.code.sitesClose': '密集市区站间距 < 100 米',
  'import.check.code.exactDuplicate': '整行完全重复',
  'import.check.detail.mastTall': '挂高 {value} 米',
  'import.check.detail.mastLow': '挂高 {value} 米',
  'import.check.detail.tiltOutside': '总下倾角 {value}°',
  'import.check.detail.sectorsClose': '与第 {otherRow} 行相隔 {value}°',
  'import.check.detail.sitesClose': '与第 {otherRow} 行相距 {value} 米',
  'import.check.detail.exactDuplicate': '与第 {otherRow} 行完全相同',
  'import.check.csv.check': '检查项',
  'import.check.csv.detail': '说明',
} as const;

export const importCheckEn: Record<keyof typeof importCheckZh, string> = {
  'import.default.height.empty':
    '{count} rows have no height: the default of their kind applies (macro 25 m, micro 9 m, indoor 3 m): rows {rows}',
  'import.default.height.zero':
    '{count} rows give height 0 (mostly indoor cells): the default of their kind applies (macro 25 m, micro 9 m, indoor 3 m): rows {rows}',
  'import.default.height.notANumber':
    '{count} rows give a height that is not a number (e.g. 隧道内): the default of their kind applies: rows {rows}',
  'import.default.height.outOfRange':
    '{count} rows give a height outside 1–300 m: the default of their kind applies: rows {rows}',
  'import.default.azimuth.empty': '{count} rows have no azimuth: imported as omnidirectional: rows {rows}',
  'import.default.azimuth.notANumber':
    '{count} rows give an azimuth that is not a number (e.g. NA): imported as omnidirectional: rows {rows}',
  'import.default.azimuth.outOfRange':
    '{count} rows give an azimuth outside 0–360°: imported as omnidirectional: rows {rows}',
  'import.default.tilt.empty':
    '{count} rows have no tilt: the default tilt of their kind applies: rows {rows}',
  'import.default.tilt.notANumber':
    '{count} rows give a tilt that is not a number: the default tilt of their kind applies: rows {rows}',
  'import.default.tilt.outOfRange':
    '{count} rows give a tilt outside −20–90°: the default tilt of their kind applies: rows {rows}',
  'import.default.band.unknown':
    '{count} rows give a band the planner does not model (n28/n41/n78/n79): the default band n78 applies: rows {rows}',
  'import.default.kind.unknown':
    '{count} rows give a kind that is not macro, micro or indoor (宏站/微站/室分): imported as macro: rows {rows}',
  'import.default.name.tooLong': '{count} rows have a name over 100 characters: shortened: rows {rows}',
  'import.default.id.tooLong':
    '{count} rows have an id over 128 characters: an id is made from the row number: rows {rows}',
  'import.check.title': 'Parameter check (工参体检)',
  'import.check.summary':
    '{checked} imported sectors checked: {count} findings worth a second look (the import is not affected)',
  'import.check.clean': '{checked} imported sectors checked: none of the usual problems found.',
  'import.check.download': 'Download the check (CSV)',
  'import.check.rows': 'rows {rows}',
  'import.check.code.mastTall': 'Mast at 50 m or more',
  'import.check.code.mastLow': 'Macro mast under 10 m',
  'import.check.code.tiltOutside': 'Total tilt outside 2–16°',
  'import.check.code.sectorsClose': 'Sectors of one band on one mast < 65° apart',
  'import.check.code.sitesClose': 'Sites < 100 m apart in a dense urban area',
  'import.check.code.exactDuplicate': 'Exact duplicate row',
  'import.check.detail.mastTall': 'height {value} m',
  'import.check.detail.mastLow': 'height {value} m',
  'import.check.detail.tiltOutside': 'total tilt {value}°',
  'import.check.detail.sectorsClose': '{value}° from row {otherRow}',
  'import.check.detail.sitesClose': '{value} m from row {otherRow}',
  'import.check.detail.exactDuplicate': 'same as row {otherRow}',
  'import.check.csv.check': 'check',
  'import.check.csv.detail': 'detail',
};
