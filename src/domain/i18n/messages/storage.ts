/** Saving in the browser: save status, a full disk, other tabs, damaged records. */
export const storageZh = {
  'storage.saving': '正在保存…',
  'storage.savedAt': '已保存 {time}',
  'storage.savedLocal': '所有修改自动保存在本机浏览器中',
  'storage.failedTitle': '未能保存',
  'storage.failed.quota':
    '浏览器的存储空间已满，最近的修改没有保存。它们仍保留在本页中：请先导出方案文件，再释放空间后重试。',
  'storage.failed.unavailable':
    '浏览器存储已不可用，最近的修改没有保存。它们仍保留在本页中：请导出方案文件。',
  'storage.failed.invalid': '方案数据未通过校验，没有保存。请导出方案文件并报告此问题。',
  'storage.failed.unknown': '保存出错，最近的修改没有保存。它们仍保留在本页中：请导出方案文件，稍后重试。',
  'storage.failedSince': '自 {time} 起未保存；每隔一段时间自动重试。',
  'storage.exportScenario': '导出方案文件',
  'storage.retry': '重试',
  'storage.leaveWarning': '有修改尚未保存到浏览器。',
  'storage.space': '本机已用 {used}（上限 {quota}）',
  'storage.persisted': '浏览器已承诺保留这些数据',
  'storage.notPersisted': '浏览器在空间紧张时可能清除这些数据：请定期导出方案文件',
  'storage.merged': '已合并另一个标签页对「{name}」的修改。',
  'storage.mergedConflicts':
    '已合并另一个标签页对「{name}」的修改；{count} 处两边都改过，采用了另一个标签页的版本。',
  'storage.deletedElsewhere': '「{name}」已在另一个标签页中删除。本页仍保留它，继续编辑会重新保存。',
  'storage.dismiss': '知道了',
  'storage.recoveredTitle': '部分损坏的方案已恢复',
  'storage.recoveredLost': '「{name}」：{announced} 个{list}中 {lost} 个无法读取',
  'storage.recoveredHeader': '「{name}」：已补全损坏的字段（{fields}）',
  'storage.recoveredKept': '原始记录已隔离保留，可导出。',
  'storage.recoveredScenarioName': '恢复的方案 {key}',
  'storage.unreadable': '{count} 条记录无法读取，已原样保留在浏览器中。',
  'storage.list.addedSites': '新增站点',
  'storage.list.modifiedSites': '修改的基线站',
  'storage.list.existingSites': '导入的现网站',
  'storage.list.poles': '综合杆',
  'storage.list.removedSiteIds': '拆除标记',
  'storage.list.measurements': '测量数据集',
} as const;

export const storageEn: Record<keyof typeof storageZh, string> = {
  'storage.saving': 'Saving…',
  'storage.savedAt': 'Saved {time}',
  'storage.savedLocal': 'Every change is saved automatically in this browser',
  'storage.failedTitle': 'Not saved',
  'storage.failed.quota':
    'The browser’s storage is full: your latest changes are not saved. They are still in this page: export the scenario file, then free some space and retry.',
  'storage.failed.unavailable':
    'Browser storage is no longer available: your latest changes are not saved. They are still in this page: export the scenario file.',
  'storage.failed.invalid':
    'The scenario failed validation and was not saved. Export the scenario file and report this.',
  'storage.failed.unknown':
    'Saving failed: your latest changes are not saved. They are still in this page: export the scenario file and retry later.',
  'storage.failedSince': 'Not saved since {time}; retried every so often.',
  'storage.exportScenario': 'Export scenario file',
  'storage.retry': 'Retry',
  'storage.leaveWarning': 'Some changes are not saved in the browser yet.',
  'storage.space': '{used} used in this browser (limit {quota})',
  'storage.persisted': 'The browser promised to keep this data',
  'storage.notPersisted':
    'The browser may clear this data when space runs low: export scenario files regularly',
  'storage.merged': 'Merged the changes another tab made to “{name}”.',
  'storage.mergedConflicts':
    'Merged the changes another tab made to “{name}”; {count} edits were made in both tabs, the other tab’s version was kept.',
  'storage.deletedElsewhere':
    '“{name}” was deleted in another tab. This page keeps it, and saves it again when you edit it.',
  'storage.dismiss': 'OK',
  'storage.recoveredTitle': 'Partly damaged scenarios recovered',
  'storage.recoveredLost': '“{name}”: {lost} of {announced} {list} could not be read',
  'storage.recoveredHeader': '“{name}”: damaged fields filled in ({fields})',
  'storage.recoveredKept': 'The original records are kept aside and can be exported.',
  'storage.recoveredScenarioName': 'Recovered scenario {key}',
  'storage.unreadable': '{count} records could not be read and are left as they are in the browser.',
  'storage.list.addedSites': 'added sites',
  'storage.list.modifiedSites': 'modified baseline sites',
  'storage.list.existingSites': 'imported existing sites',
  'storage.list.poles': 'poles',
  'storage.list.removedSiteIds': 'removal marks',
  'storage.list.measurements': 'measurement sets',
};
