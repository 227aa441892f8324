import { unzipSync } from 'fflate';
import { expect, test } from './driver';
import { ImportWorkflow } from './drivers/import-driver';

// SH-001 of sites-gbk-gcj02.csv: GCJ-02 (121.82179721, 30.85551512) in the file, WGS84 from the
// published GCJ-02 inverse (tests/fixtures/import/expected.json, checked by the unit tests).
const SH001_WGS84 = { longitude: 121.817561, latitude: 30.857812 };

test('drop a GBK CSV in GCJ-02 on the map, map the columns, import, see the sites in place, undo', async ({
  planner,
}) => {
  test.setTimeout(180_000);
  const workflow = new ImportWorkflow(planner);
  await workflow.open();
  const before = await workflow.addedSites();
  const stepsBefore = await workflow.undoSteps();

  await workflow.dragOver();
  await expect(planner.page.locator('.import-drop')).toBeVisible();
  await planner.saveScreenshot('import-drop-overlay.png');

  let started = Date.now();
  await workflow.dropFile('sites-gbk-gcj02.csv', await workflow.fixture('sites-gbk-gcj02.csv'));
  const dialog = workflow.dialog();
  await expect(dialog).toBeVisible();
  await expect(planner.page.locator('.import-drop')).toHaveCount(0);
  await expect(dialog).toHaveAccessibleName(/sites-gbk-gcj02\.csv/);
  await workflow.settled();
  console.log(`[import e2e] drop → dialog with dry run: ${Date.now() - started} ms`);
  await expect(dialog.getByTestId('import-facts')).toContainText('GB18030');
  await expect(dialog.getByTestId('import-facts')).toContainText(/逗号/);
  // The Chinese headers are detected; the planner confirms the coordinate columns explicitly.
  await workflow.mapField(/^经度$/, '经度');
  await workflow.mapField(/^纬度$/, '纬度');
  await expect(dialog.getByLabel(/^名称$/)).toHaveValue('1');
  await expect(dialog.locator('th.import-table__mapped')).toHaveCount(9);
  await workflow.chooseCrs(/GCJ-02/);
  await expect(dialog.getByTestId('import-counts')).toContainText('可导入 12，拒绝 0');
  await planner.saveScreenshot('import-dialog-gbk.png');
  // Nothing is in the scenario before Import is pressed.
  expect(await workflow.addedSites()).toEqual(before);

  started = Date.now();
  await workflow.importButton().click();
  await workflow.expectDialogClosed();
  await expect(planner.page.getByTestId('import-notice')).toContainText('已导入 12 个，拒绝 0 个');
  const added = await workflow.addedSites();
  expect(added.length - before.length).toBe(12);
  expect(await workflow.undoSteps()).toBe(stepsBefore + 1);
  const site = added.find((candidate) => candidate.id === 'SH-001');
  expect(site?.status).toBe('candidate');
  expect(site?.name).toBe('测试站1号');
  expect(Math.abs(site!.coordinates[0]! - SH001_WGS84.longitude)).toBeLessThan(1e-6);
  expect(Math.abs(site!.coordinates[1]! - SH001_WGS84.latitude)).toBeLessThan(1e-6);
  // The map fitted to the imported sites, and the planner's layer draws SH-001 where it belongs.
  await planner.waitUntilReady();
  console.log(`[import e2e] Import click → sites on the map: ${Date.now() - started} ms`);
  expect(
    await planner.page.evaluate(([lon, lat]) => window.__e2e!.import!.inView(lon, lat), [
      SH001_WGS84.longitude,
      SH001_WGS84.latitude,
    ] as const),
  ).toBe(true);
  await expect
    .poll(() => workflow.renderedLayersOf('SH-001', SH001_WGS84.longitude, SH001_WGS84.latitude))
    .toContain('planner-sites-circle');
  await planner.saveScreenshot('import-after.png');

  await planner.page.getByTestId('import-notice').getByRole('button', { name: '撤销' }).click();
  await expect(planner.page.getByTestId('import-notice')).toContainText('已撤销导入');
  expect(await workflow.addedSites()).toEqual(before);
  await expect
    .poll(() => workflow.renderedLayersOf('SH-001', SH001_WGS84.longitude, SH001_WGS84.latitude))
    .toEqual([]);
  expect(planner.consoleErrors).toEqual([]);
  expect(planner.foreignRequests).toEqual([]);
});

test('bad rows: the report lists row numbers and reasons, file text stays text, download the CSV', async ({
  planner,
}) => {
  const workflow = new ImportWorkflow(planner);
  await workflow.open();
  await workflow.dropFile('bad-rows.csv', await workflow.fixture('bad-rows.csv'));
  await workflow.settled();
  const dialog = workflow.dialog();
  // Rows without a usable position or id are rejected; a bad band, kind, azimuth or height takes its
  // default instead (a warning names the rows); a second sector on a mast is kept; an exact copy is not.
  await expect(dialog.getByTestId('import-counts')).toContainText('共 14 行：可导入 8，拒绝 6');
  const rejected = dialog.getByTestId('import-rejected').locator('tbody tr');
  await expect(rejected).toHaveCount(6);
  await expect(rejected.nth(0)).toHaveText(/^3\s*缺少经度$/);
  await expect(rejected.nth(1)).toHaveText(/^4\s*纬度不是数字：“abc”$/);
  await expect(rejected.nth(3)).toHaveText(/^6\s*在上海市以外/);
  await expect(rejected.nth(4)).toHaveText(/^7\s*编号“B-1”与第 2 行重复$/);
  await expect(rejected.nth(5)).toHaveText(/^16\s*.*第 2 行/);
  await expect(dialog.locator('.import-warning').filter({ hasText: '“1.8G”' })).toContainText('第 9 行');
  await expect(dialog.getByTestId('import-defaulted')).toContainText('其中 4 行');
  // The file's "<img onerror>" name is shown as text; no element was made from it.
  await expect(dialog.getByText('<img src=x onerror=alert(1)>')).toBeVisible();
  await expect(dialog.locator('img')).toHaveCount(0);
  await planner.saveScreenshot('import-dialog-bad-rows.png');

  // "Import them anyway" brings in the Beijing row as a warning instead of a rejection.
  await dialog.getByRole('button', { name: '仍然导入' }).click();
  await workflow.settled();
  await expect(dialog.getByTestId('import-counts')).toContainText('可导入 9，拒绝 5');
  await dialog.getByRole('button', { name: '不导入这些点' }).click();
  await workflow.settled();

  const download = planner.page.waitForEvent('download');
  await dialog.getByRole('button', { name: '下载报告（CSV）' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('bad-rows-report.csv');
  const text = (await readText(await file.path())).replace(/^\uFEFF/, '');
  const lines = text.trimEnd().split('\r\n');
  expect(lines[0]).toBe('类别,行号,代码,原因,详情');
  expect(lines[1]).toBe('rejected,3,missingCoordinate,缺少经度,field=lon');
  expect(lines.filter((line) => line.startsWith('rejected,'))).toHaveLength(6);
  expect(lines.find((line) => line.startsWith('default,9,defaultApplied,'))).toContain('1.8G');
  expect(lines).toHaveLength(11);
});

test('cancel and Esc leave the scenario unchanged; a swapped file offers a one-click fix', async ({
  planner,
}) => {
  const workflow = new ImportWorkflow(planner);
  await workflow.open();
  const before = await planner.page.evaluate(() => window.__e2e!.state().session);
  // GCJ-02 points along the coast read as WGS84 fall in the sea: the dialog says so and offers GCJ-02.
  // Most stay inside the administrative boundary (it includes Shanghai's waters), so they are not
  // refused; the warning is what tells the planner the datum is wrong.
  await workflow.dropFile('coastal-gcj02.csv', await workflow.fixture('coastal-gcj02.csv'));
  await workflow.settled();
  const shifted = workflow.dialog().locator('[data-warning="looksShifted"]');
  await expect(shifted).toContainText('是否从国内网络地图（GCJ-02）导出');
  await expect(workflow.dialog().getByTestId('import-counts')).toContainText('共 10 行：可导入 8，拒绝 2');
  await planner.saveScreenshot('import-dialog-shifted.png');
  await shifted.getByRole('button', { name: '改用 GCJ-02' }).click();
  await workflow.settled();
  await expect(workflow.dialog().getByRole('radio', { name: /GCJ-02/ })).toBeChecked();
  await expect(workflow.dialog().getByTestId('import-counts')).toContainText('可导入 10，拒绝 0');
  await expect(shifted).toHaveCount(0);
  await workflow
    .dialog()
    .getByRole('radio', { name: /^WGS84/ })
    .check();
  await workflow.dropFile('swapped.csv', await workflow.fixture('swapped.csv'));
  await workflow.settled();
  const dialog = workflow.dialog();
  await expect(dialog.locator('[data-warning="latLonSwapped"]')).toBeVisible();
  await expect(dialog.getByTestId('import-counts')).toContainText('可导入 0');
  await dialog.getByRole('button', { name: '互换经纬度' }).click();
  await workflow.settled();
  await expect(dialog.getByTestId('import-counts')).toContainText('可导入 4，拒绝 0');
  // Focus stays in the dialog while tabbing.
  for (let press = 0; press < 30; press++) await planner.page.keyboard.press('Tab');
  expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  await planner.page.keyboard.press('Escape');
  await workflow.expectDialogClosed();

  await workflow.dropFile('sites-gbk-gcj02.csv', await workflow.fixture('sites-gbk-gcj02.csv'));
  await workflow.settled();
  await dialog.getByRole('button', { name: '取消', exact: true }).click();
  await workflow.expectDialogClosed();
  const after = await planner.page.evaluate(() => window.__e2e!.state().session);
  expect(after).toEqual(before);
});

test('a shapefile dropped as loose .shp/.dbf/.prj/.cpg files reads as one; a lone .shp gives its positions and says the .dbf is missing', async ({
  planner,
}) => {
  const workflow = new ImportWorkflow(planner);
  await workflow.open();
  const parts = Object.entries(unzipSync(new Uint8Array(await workflow.fixture('poles-shapefile.zip'))))
    .filter(([name]) => !name.endsWith('.shx'))
    .map(([name, bytes]) => ({ name, bytes }));
  await workflow.dropFiles(parts);
  await workflow.settled();
  const dialog = workflow.dialog();
  await expect(dialog).toHaveAccessibleName(/poles\.zip/);
  await dialog.getByRole('radio', { name: /^综合杆$/ }).check();
  await workflow.settled();
  await expect(dialog.getByTestId('import-counts')).toContainText('可导入 6，拒绝 0');
  await dialog.getByRole('button', { name: '取消', exact: true }).click();
  await workflow.expectDialogClosed();

  // Without its .dbf a shapefile still gives its positions, and the dialog says what is missing.
  await workflow.dropFiles(parts.filter((part) => !part.name.endsWith('.dbf')));
  await workflow.settled();
  await expect(workflow.dialog().getByText('Shapefile 没有 .dbf 文件：只读取了点位')).toBeVisible();
  // Seven: the record the .dbf marks deleted cannot be told apart without it.
  await expect(workflow.dialog().getByTestId('import-counts')).toContainText('共 7 个要素：可导入 7');
  await workflow.dialog().getByRole('button', { name: '取消', exact: true }).click();
  await workflow.expectDialogClosed();
  await workflow.dropFiles([parts[0]!, { name: 'sites.csv', bytes: await workflow.fixture('sites.tsv') }]);
  await expect(planner.page.getByText('一次只能导入一个文件（拖入了 2 个）')).toBeVisible();
  expect(await workflow.addedSites()).toEqual([]);
});

async function readText(filePath: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  return readFile(filePath, 'utf8');
}
