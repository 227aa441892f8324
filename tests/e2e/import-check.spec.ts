/**
 * Issue 14 item 3 as a planner meets it: a 工参表 with a real one's oddities (gongcan-oddities.csv,
 * the sheet of tests/unit/domain/import/gongcan-sheet.test.ts) shows, before anything is applied,
 * how many rows were read, which took defaults and why, which were rejected and why, and the
 * parameter check (工参体检) with its rows, downloadable as CSV.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from './driver';
import { ImportWorkflow } from './drivers/import-driver';

test('a 工参表 with oddities: rows read, defaults per kind, the rejected duplicate and the 工参体检 before Import', async ({
  planner,
}) => {
  // A screenshot on a shared, software-rendered machine can take a minute.
  test.setTimeout(300_000);
  const workflow = new ImportWorkflow(planner);
  await workflow.open();
  const before = await workflow.addedSites();
  await workflow.dropFile('gongcan-oddities.csv', await workflow.fixture('gongcan-oddities.csv'));
  await workflow.settled();
  const dialog = workflow.dialog();

  // Rows read, imported and rejected; the rejected one with its row and reason.
  await expect(dialog.getByTestId('import-counts')).toContainText('共 13 行：可导入 12，拒绝 1');
  await expect(dialog.getByTestId('import-rejected').locator('tbody tr')).toHaveText([/^14\s*.*第 3 行/]);
  // Every row that took a default is counted once, and each kind of fix is named with its rows.
  await expect(dialog.getByTestId('import-defaulted')).toContainText('其中 4 行的部分字段不可用');
  const warnings = dialog.locator('.import-warning');
  await expect(warnings.filter({ hasText: '为 0（室分站常这样写）' })).toContainText('第 9–10 行');
  await expect(warnings.filter({ hasText: '不是数字（如“隧道内”）' })).toContainText('第 11 行');
  await expect(warnings.filter({ hasText: '为空' })).toHaveText([/挂高.*第 12 行/, /下倾.*第 12 行/]);

  // The parameter check: each check that found something, with its count and rows.
  const check = dialog.getByTestId('import-check');
  await expect(check).toContainText('检查了 12 个导入的扇区：10 处值得复核（不影响导入）');
  const item = (code: string) => check.locator(`[data-check="${code}"]`);
  await expect(item('mastTall').locator('.import-check__name')).toHaveText('挂高 ≥ 50 米');
  await expect(item('mastTall').locator('.import-check__count')).toHaveText('× 3');
  await expect(item('mastTall').locator('.import-check__rows')).toHaveText('第 6–8 行');
  await expect(item('mastLow')).toContainText('第 13 行');
  await expect(item('tiltOutside')).toContainText('第 6–8 行');
  await expect(item('sectorsClose')).toContainText('第 5 行');
  await expect(item('sitesClose')).toContainText('第 6 行');
  await expect(item('exactDuplicate')).toContainText('第 14 行');
  await check.scrollIntoViewIfNeeded();
  await planner.saveScreenshot('import-check.png');

  const download = planner.page.waitForEvent('download');
  await check.getByRole('button', { name: '下载体检结果（CSV）' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('gongcan-oddities-check.csv');
  const lines = (await readFile(await file.path(), 'utf8'))
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  expect(lines[0]).toBe('行号,检查项,说明');
  expect(lines).toHaveLength(11);
  expect(lines).toContain('5,同站同频扇区方位角间隔 < 65°,与第 4 行相隔 0°');
  expect(lines).toContain('6,挂高 ≥ 50 米,挂高 55 米');
  expect(lines).toContain('14,整行完全重复,与第 3 行完全相同');

  // Nothing is applied until Import: then the twelve sectors, findings or not.
  expect(await workflow.addedSites()).toEqual(before);
  await workflow.importButton().click();
  await workflow.expectDialogClosed();
  expect((await workflow.addedSites()).length - before.length).toBe(12);
  expect(planner.consoleErrors).toEqual([]);
});
