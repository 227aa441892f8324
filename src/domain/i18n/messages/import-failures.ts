/**
 * Whole-file failures of the import dialog (why a file could not be read), zh and en. Apart from
 * import.ts so each dictionary file stays short.
 */
export const importFailuresZh = {
  'import.failure.title': '无法读取此文件',
  'import.failure.fileTooLarge': '文件有 {sizeMb} MB，超过 {limitMb} MB 的上限。请拆分后分批导入。',
  'import.failure.emptyFile': '文件是空的。',
  'import.failure.unknownFormat':
    '无法识别“{name}”的格式。支持 CSV、TSV、TXT、Excel（.xlsx）、GeoJSON、KML、KMZ、压缩的 Shapefile（.zip）和 GeoPackage（.gpkg）。',
  'import.failure.legacyXls':
    '不支持旧版 Excel 文件（.xls）：“{name}”。请在 Excel 中“另存为” .xlsx 或 CSV（UTF-8）后再导入。',
  'import.failure.notText': '文件不是文本表格（可能是二进制文件或旧版 .xls，请另存为 .xlsx 或 CSV）。',
  'import.failure.noHeaderRow': '前 30 行中找不到表头：请在数据上方用一行写明列名（如 经度、纬度）。',
  'import.failure.invalidJson': 'JSON 格式错误：{detail}',
  'import.failure.notGeoJson':
    '这是 JSON，但不是 GeoJSON（需要 FeatureCollection 或 Feature）：请从 GIS 软件导出为 GeoJSON。',
  'import.failure.invalidXml': 'KML 格式错误：{detail}',
  'import.failure.xmlDoctype': 'KML 含有 DOCTYPE 声明，出于安全原因不予读取。',
  'import.failure.invalidZip': '压缩包损坏或无法读取（{detail}）：请重新压缩后再导入。',
  'import.failure.zipTooManyEntries': '压缩包中的文件超过 {limit} 个，出于安全原因不予读取。',
  'import.failure.zipTooLarge': '压缩包解压后将超过 {limitMb} MB，出于安全原因不予读取。',
  'import.failure.missingPart':
    '缺少 {part} 文件（Shapefile 需要同名的 .shp 和 .dbf：一起拖入，或压缩在同一个 .zip 中）。',
  'import.failure.invalidShapefile': 'Shapefile 的 {part} 文件损坏：请在 GIS 软件中重新导出。',
  'import.failure.invalidXlsx':
    'Excel 文件损坏或无法读取（{part}）：请在 Excel 中另存为 .xlsx 或 CSV 后再导入。',
  'import.failure.invalidGeoPackage':
    'GeoPackage 文件损坏或不是 GeoPackage（{part}）：请在 QGIS 中重新导出。',
  'import.failure.noPointLayer':
    'GeoPackage 中没有点图层（图层类型：{types}）：站点和综合杆需要点图层，请在 QGIS 中导出点。',
  'import.failure.tooManyRows':
    '超过 {limit} 行（本工具按规划约 7 万个站点的规模设计，更多行会耗尽浏览器内存）：请拆分后分批导入。',
  'import.failure.tooManyCells': '单元格超过 {limit} 个（行数 × 列数）：请删去不需要的列或拆分后分批导入。',
  'import.failure.kmlTooLarge':
    'KML 的标签超过 {limit} 个，浏览器无法按 KML 读取这么大的文件：请导出为 CSV、GeoJSON 或 GeoPackage 后再导入。',
  'import.failure.noXmlParser': '此处无法解析 KML：请改用 CSV 或 GeoJSON。',
  'import.failure.unreadable': '无法读取文件（{detail}）：请确认文件完整，或另存为 CSV 后再导入。',
  'import.failure.multipleFiles':
    '一次只能导入一个文件（拖入了 {count} 个）。Shapefile 可把同名的 .shp、.dbf（及 .prj、.cpg）一起拖入，或压缩成一个 .zip。',
  'import.failure.worker': '导入出错：{detail}',
} as const;

export const importFailuresEn: Record<keyof typeof importFailuresZh, string> = {
  'import.failure.title': 'This file cannot be read',
  'import.failure.fileTooLarge':
    'The file is {sizeMb} MB, over the {limitMb} MB limit. Split it and import in parts.',
  'import.failure.emptyFile': 'The file is empty.',
  'import.failure.unknownFormat':
    'The format of "{name}" is not recognised. Supported: CSV, TSV, TXT, Excel (.xlsx), GeoJSON, KML, KMZ, zipped shapefiles (.zip) and GeoPackage (.gpkg).',
  'import.failure.legacyXls':
    'Legacy Excel files (.xls) are not read: "{name}". Save it as .xlsx or CSV (UTF-8) in Excel and import that.',
  'import.failure.notText':
    'The file is not a text table (perhaps binary, or an old .xls — save it as .xlsx or CSV).',
  'import.failure.noHeaderRow':
    'No header row in the first 30 rows: put the column names (e.g. 经度, 纬度 or lon, lat) in one row above the data.',
  'import.failure.invalidJson': 'Invalid JSON: {detail}',
  'import.failure.notGeoJson':
    'This is JSON but not GeoJSON (a FeatureCollection or a Feature): export it as GeoJSON from your GIS tool.',
  'import.failure.invalidXml': 'Invalid KML: {detail}',
  'import.failure.xmlDoctype': 'The KML contains a DOCTYPE declaration and is refused for safety.',
  'import.failure.invalidZip':
    'The zip is damaged or unreadable ({detail}): zip the files again and import that.',
  'import.failure.zipTooManyEntries': 'The zip lists more than {limit} files and is refused for safety.',
  'import.failure.zipTooLarge': 'The zip would inflate to more than {limitMb} MB and is refused for safety.',
  'import.failure.missingPart':
    'The {part} file is missing (a shapefile needs a .shp and a .dbf of the same name: drop them together, or zip them into one .zip).',
  'import.failure.invalidShapefile':
    'The shapefile’s {part} file is damaged: export it again from your GIS tool.',
  'import.failure.invalidXlsx':
    'The Excel file is damaged or unreadable ({part}): save it again as .xlsx or CSV in Excel and import that.',
  'import.failure.invalidGeoPackage':
    'The GeoPackage is damaged or is not a GeoPackage ({part}): export it again from QGIS.',
  'import.failure.noPointLayer':
    'The GeoPackage has no point layer (layer types: {types}): sites and poles need points; export a point layer from QGIS.',
  'import.failure.tooManyRows':
    'More than {limit} rows (the planner is built for the plan’s ~70,000 sites; more would exhaust the browser’s memory): split the file and import it in parts.',
  'import.failure.kmlTooLarge':
    'The KML holds more than {limit} tags, more than a browser can read as KML: export it as CSV, GeoJSON or GeoPackage and import that.',
  'import.failure.tooManyCells':
    'More than {limit} cells (rows × columns): delete the columns you do not need, or split the file and import it in parts.',
  'import.failure.noXmlParser': 'KML cannot be parsed here: import a CSV or GeoJSON instead.',
  'import.failure.unreadable':
    'The file cannot be read ({detail}): check that it is complete, or save it as CSV and import that.',
  'import.failure.multipleFiles':
    'Import one file at a time ({count} were dropped). For a shapefile, drop its .shp and .dbf (with .prj and .cpg) together, or zip them into one .zip.',
  'import.failure.worker': 'Import failed: {detail}',
};
