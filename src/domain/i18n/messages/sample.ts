/** UI strings of the land mask and the sample networks. Add each key to zh and en at once. */
export const sampleZh = {
  'landArea.official': '官方统计面积',
  'landArea.used': '计算用陆域',
  'landArea.noteLabel': '面积说明',
  'landArea.note':
    '计算用陆域比官方统计面积多 {difference}%：官方面积是统计年鉴的登记面积，不含此后在滩涂上围垦成陆的土地（{places}）。覆盖率按计算用陆域统计；滩涂、长江口水面和九段沙等湿地不计入。',
  'landArea.noteShort': '比官方统计面积多 {difference}%（含统计后围垦成陆的土地）',
  'landArea.places.pudong': '浦东国际机场、临港地区、南汇东滩等',
  'landArea.places.chongming': '崇明岛北沿与东滩、横沙东滩等',
  'landArea.places.city': '主要在浦东和崇明',
  'data.landMask': '统计用陆域范围',
  'sample.legend': '基线网络',
  'sample.year2020': '2020 现状',
  'sample.year2025': '2025 规划规模',
  'sample.optionTitle': '{year} 年示意网络：{baseStations} 个基站（合成，非真实站址）',
  'sample.loading': '正在生成 {year} 年示意网络…',
  'sample.error': '无法生成 {year} 年示意网络，请重试。',
  'sample.loaded':
    '{year} 年示意网络：{baseStations} 个基站、{sectors} 个扇区/小区，按规划数据合成，非真实站址。',
  'data.environment': '环境分类（密集城区/城区/郊区/农村）',
} as const;

export const sampleEn: Record<keyof typeof sampleZh, string> = {
  'landArea.official': 'Official area',
  'landArea.used': 'Land used for the figures',
  'landArea.noteLabel': 'About the area',
  'landArea.note':
    'The land used for the figures is {difference}% larger than the official area: the official figure is the registered area of the statistical yearbook and leaves out land reclaimed from the tidal flats since ({places}). Coverage is computed over the land used for the figures; tidal flats, the Yangtze estuary and wetlands such as Jiuduansha are not counted.',
  'landArea.noteShort': '{difference}% more than the official area (includes land reclaimed since)',
  'landArea.places.pudong': 'Pudong airport, Lingang, the Nanhui east flats and others',
  'landArea.places.chongming': 'the north and east coasts of Chongming, the Hengsha east shoal and others',
  'landArea.places.city': 'mostly in Pudong and Chongming',
  'data.landMask': 'land used for the figures',
  'sample.legend': 'Baseline network',
  'sample.year2020': '2020 as built',
  'sample.year2025': '2025 plan scale',
  'sample.optionTitle': '{year} sample network: {baseStations} base stations (synthetic, not real sites)',
  'sample.loading': 'Generating the {year} sample network…',
  'sample.error': 'The {year} sample network could not be generated; try again.',
  'sample.loaded':
    '{year} sample network: {baseStations} base stations, {sectors} sectors/cells, synthesised to the plan’s figures, not real sites.',
  'data.environment': 'environment classes (dense urban / urban / suburban / rural)',
};
