/**
 * The district report an official can hand over: a numbered map with legend and scale, weak spots with
 * coordinates, nearest road or station and a high/medium/low priority with its rule, on A4 pages.
 */
import { expect, test } from './driver';
import { DistrictWorkflow } from './drivers/district-driver';

const FENGXIAN = '310120';

/** Page count and the first page's size in points, read from the PDF's own page objects. */
function pdfPages(pdf: Buffer): { count: number; widthPt: number; heightPt: number } {
  const text = pdf.toString('latin1');
  const count = (text.match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
  const box = text.match(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/);
  return { count, widthPt: Number(box?.[1] ?? 0), heightPt: Number(box?.[2] ?? 0) };
}

test('district report: numbered weak spots located by coordinates and road, priority classes, legend, scale, A4 print', async ({
  planner,
}) => {
  test.setTimeout(240_000);
  const district = new DistrictWorkflow(planner);
  await district.stubPrint();
  await planner.open('#layers=districts,sites');
  await district.openTab('区县');
  await district.pick(`district:${FENGXIAN}`);
  await district.whenFiguresReady();
  // The panel shows the class, not the raw score (kept in the cell's tooltip).
  const panelPriority = planner.page.getByTestId('district-panel').locator('[data-cell="priority"]').first();
  await expect(panelPriority).toHaveText(/^[高中低]$/);
  expect(await panelPriority.getAttribute('title')).toMatch(/^优先级得分 [\d,]+$/);

  await planner.page.getByRole('button', { name: /生成报告/ }).click();
  const report = planner.page.getByTestId('district-report');
  await expect(report).toBeVisible({ timeout: 60_000 });
  const rows = report.getByTestId('weak-spots').locator('tbody tr');
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThanOrEqual(15);

  // Each row: its rank, coordinates inside Shanghai, a road or station near it, and a priority class.
  const model = await planner.page.evaluate(() => window.__e2e!.state().districtReportSnapshot!.weakSpots);
  for (let index = 0; index < count; index++) {
    const row = rows.nth(index);
    await expect(row.locator('td').first()).toHaveText(String(index + 1));
    const location = (await row.locator('[data-cell="location"]').textContent()) ?? '';
    const [latitude, longitude] = location.split(',').map((part) => Number(part.trim()));
    expect(latitude).toBeCloseTo(model[index]!.centroid[1], 3);
    expect(longitude).toBeCloseTo(model[index]!.centroid[0], 3);
    expect(latitude).toBeGreaterThan(30.6);
    expect(latitude).toBeLessThan(31.9);
    await expect(row.locator('[data-cell="priority"]')).toHaveText(/^[高中低]$/);
    expect(await row.locator('[data-cell="priority"]').getAttribute('data-priority')).toBe(
      model[index]!.priorityLevel,
    );
  }
  // Fengxian is crossed by major roads: the top weak spot names one, with its distance.
  await expect(rows.first().locator('[data-cell="nearby"]')).toHaveText(
    /(高速公路|快速路\/干线公路|主干路|次干路) [\d,]+ 米/,
  );
  await expect(report.getByTestId('priority-rule')).toContainText('前 10 % 为高');

  // Legend, scale and the numbers drawn on the map.
  const legend = report.getByTestId('report-legend');
  for (const label of ['空洞 · 高优先级', '空洞 · 中优先级', '空洞 · 低优先级', '区界', '弱覆盖区编号']) {
    await expect(legend).toContainText(label);
  }
  const scale = report.getByTestId('report-scale');
  await expect(scale).toContainText(/比例尺：图中标尺长 [\d,]+ (km|m)/);
  expect(Number(await scale.getAttribute('data-scale-m'))).toBeGreaterThan(0);
  await expect(scale).toContainText(/图中编号 1(、|；)/);

  // Print to PDF with the report's own page size: A4 portrait (595 × 842 pt), at least one page.
  const pdf = pdfPages(await planner.page.pdf({ preferCSSPageSize: true, printBackground: true }));
  expect(pdf.count).toBeGreaterThanOrEqual(1);
  expect(pdf.count).toBeLessThanOrEqual(3);
  expect(pdf.widthPt).toBeCloseTo(595.3, 0);
  expect(pdf.heightPt).toBeCloseTo(841.9, 0);
  await planner.saveScreenshot('district-report-handover.png');
  expect(planner.consoleErrors).toEqual([]);
  expect(planner.foreignRequests).toEqual([]);
});
