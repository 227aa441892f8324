/** UI strings of the map's progress bar (start-up, full computes). Add each key to zh and en at once. */
export const progressZh = {
  'progress.label': '进度',
  'progress.stage.loading-map': '正在加载底图与规划图层…',
  'progress.stage.loading-sites': '正在生成示意基站（{year} 年）…',
  'progress.stage.preparing': '正在准备全市覆盖栅格…',
  'progress.stage.kernels': '正在计算各扇区覆盖核…',
  'progress.stage.merging': '正在合并全市覆盖… {percent}',
  'progress.stage.gaps': '正在识别覆盖空洞…',
  'progress.cancel': '取消计算',
  'progress.cancelled': '已取消：地图与数字仍为上一次的结果。',
  'progress.recompute': '重新计算',
} as const;

export const progressEn: Record<keyof typeof progressZh, string> = {
  'progress.label': 'Progress',
  'progress.stage.loading-map': 'Loading the basemap and plan layers…',
  'progress.stage.loading-sites': 'Generating the sample sites ({year})…',
  'progress.stage.preparing': 'Preparing the city coverage grid…',
  'progress.stage.kernels': 'Building each sector’s coverage kernel…',
  'progress.stage.merging': 'Merging city coverage… {percent}',
  'progress.stage.gaps': 'Finding coverage gaps…',
  'progress.cancel': 'Cancel compute',
  'progress.cancelled': 'Cancelled: the map and figures are still the previous result.',
  'progress.recompute': 'Recompute',
};
