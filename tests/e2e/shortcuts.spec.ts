/**
 * Keyboard shortcuts stay alive after a checkbox or a select had focus (only text fields keep the
 * keys), and a double-click with the add tool adds one site without zooming.
 */
import { expect, test } from './driver';
import { PlannerWorkflow } from './drivers/planner-driver';

// People's Square at street zoom: sites added here are plain candidates.
const PLACE = { longitude: 121.4737, latitude: 31.2304 };

const pressed = (workflow: PlannerWorkflow, command: string) =>
  workflow.toolbarButton(command).getAttribute('aria-pressed');

test('A, S, Del and Ctrl+Z work right after toggling 吸附综合杆, a layer or a select', async ({
  planner,
}) => {
  test.setTimeout(240_000);
  const workflow = new PlannerWorkflow(planner);
  await workflow.open(16, PLACE.latitude, PLACE.longitude);
  const page = workflow.page;

  // Toggle snapping twice with the mouse: the checkbox keeps the focus, and A still picks the add tool.
  const snap = page.getByRole('checkbox', { name: '吸附综合杆' });
  await snap.click();
  await snap.click();
  await expect(snap).toBeFocused();
  await page.keyboard.press('a');
  await expect.poll(() => pressed(workflow, 'addSiteTool')).toBe('true');
  const added = await workflow.addSiteAt(PLACE.longitude, PLACE.latitude, true);

  // A layer switch toggled off and on: Delete removes the selected new site, Ctrl+Z brings it back.
  const layer = page.locator('[data-layer-id="districts"] input[type="checkbox"]');
  await layer.click();
  await layer.click();
  await expect(layer).toBeFocused();
  await page.keyboard.press('Delete');
  await expect.poll(async () => (await workflow.scenario()).added.map((site) => site.id)).toEqual([]);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await workflow.scenario()).added.map((site) => site.id)).toEqual([added]);

  // A select with focus: S picks the select tool, and the select's choice is untouched.
  await workflow.openPanel();
  const switcher = page.locator('#planner-scenario-switch');
  await switcher.focus();
  const chosen = await switcher.inputValue();
  await page.keyboard.press('s');
  await expect.poll(() => pressed(workflow, 'selectTool')).toBe('true');
  expect(await switcher.inputValue()).toBe(chosen);

  // A text field still keeps its keys: typing "as" into the scenario name changes no tool.
  const name = page.locator('#planner-scenario-name');
  await name.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('a');
  await expect(name).toHaveValue(/a$/);
  expect(await pressed(workflow, 'selectTool')).toBe('true');
  expect(planner.consoleErrors).toEqual([]);
});

test('a double-click with the add tool adds one site and keeps the zoom', async ({ planner }) => {
  test.setTimeout(240_000);
  const workflow = new PlannerWorkflow(planner);
  await workflow.open(16, PLACE.latitude, PLACE.longitude);
  const page = workflow.page;
  await workflow.press('a');
  const zoomBefore = await page.evaluate(() => window.__e2e!.state().view!.zoom);
  const point = await page.evaluate(([longitude, latitude]) => window.__e2e!.project(longitude, latitude), [
    PLACE.longitude + 0.001,
    PLACE.latitude,
  ] as const);
  const box = await workflow.canvasBox();
  await page.keyboard.down('Alt');
  await page.mouse.dblclick(box.x + point.x, box.y + point.y);
  await page.keyboard.up('Alt');
  await expect.poll(async () => (await workflow.scenario()).added.length).toBe(1);
  // Long enough for a second site or a zoom animation to have shown up.
  await page.waitForTimeout(1500);
  await planner.waitUntilReady();
  expect((await workflow.scenario()).added).toHaveLength(1);
  expect(await page.evaluate(() => window.__e2e!.state().view!.zoom)).toBeCloseTo(zoomBefore, 5);

  // Two single clicks apart in time and place still add two sites.
  await workflow.addSiteAt(PLACE.longitude - 0.001, PLACE.latitude, true);
  expect((await workflow.scenario()).added).toHaveLength(2);
  expect(planner.consoleErrors).toEqual([]);
});
