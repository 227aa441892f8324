import { expect, test } from './driver';
import { PlannerWorkflow } from './drivers/planner-driver';

// Where the map opens: People's Square.
const OPENING = { longitude: 121.4737, latitude: 31.2304 };

test('add three sites, snap one onto a pole by dragging, undo/redo, rename, reload, export', async ({
  planner,
}) => {
  // Two page loads with the 32k baseline, poles and the coverage engine on a shared SwiftShader machine.
  test.setTimeout(300_000);
  const workflow = new PlannerWorkflow(planner);
  await workflow.open(11, OPENING.latitude, OPENING.longitude);
  const coveredAtStart = await workflow.waitForCoverage(120_000);
  // Draw in a coverage gap (so the figure must rise) that has a pole nearby to snap to.
  const gap = await workflow.gapNearPole(600);
  expect(gap, 'a coverage gap with a pole within 600 m').not.toBeNull();
  const place = gap!;
  await workflow.jumpTo(16, place.latitude, place.longitude);

  await workflow.press('a');
  await expect(workflow.toolbarButton('addSiteTool')).toHaveAttribute('aria-pressed', 'true');
  // Alt held: the sites stay where clicked even near a pole. ±0.001° ≈ 100 m, on screen at zoom 16.
  const ids: string[] = [];
  for (const [dx, dy] of [
    [-0.0012, 0.0006],
    [0.0011, 0.0007],
    [0.0002, -0.0009],
  ] as const) {
    ids.push(await workflow.addSiteAt(place.longitude + dx, place.latitude + dy, true));
  }
  let scenario = await workflow.scenario();
  expect(scenario.added).toHaveLength(3);
  expect(scenario.added.every((site) => site.poleId === undefined)).toBe(true);
  await expect(workflow.toolbarButton('undo')).toBeEnabled();
  await expect(workflow.toolbarButton('redo')).toBeDisabled();

  await workflow.openPanel();
  await expect.poll(() => workflow.coveredKm2(), { timeout: 90_000 }).toBeGreaterThan(coveredAtStart);
  await expect(workflow.page.getByTestId('planner-summary-covered')).toContainText('km²');

  // Drag the second site to a few pixels (~10 m at zoom 16) beside a pole: it lands exactly on it.
  await workflow.press('s');
  const dragged = ids[1]!;
  const before = scenario.added[1]!.coordinates;
  const pole = await workflow.nearestPole(place.longitude, place.latitude, 600);
  expect(pole, 'a pole near the drawing place').not.toBeNull();
  // Zoom 15 (≈4 m a pixel) centred between the site and the pole shows both.
  await workflow.jumpTo(15, (pole!.latitude + before[1]!) / 2, (pole!.longitude + before[0]!) / 2);
  const target = (await workflow.nearestPole(pole!.longitude, pole!.latitude, 1))!;
  await workflow.dragSiteTo(dragged, { x: target.x + 3, y: target.y + 2 });
  await expect.poll(async () => (await workflow.scenario()).added[1]!.poleId).toBe(pole!.id);
  scenario = await workflow.scenario();
  expect(scenario.added[1]!.coordinates).toEqual([pole!.longitude, pole!.latitude]);
  expect(scenario.added[1]!.kind).toBe('micro');
  expect(scenario.added[1]!.heightM).toBe(pole!.heightM);
  await expect
    .poll(() => workflow.page.evaluate(() => window.__e2e!.planner!.renderedPlannerSiteIds()))
    .toContain(dragged);
  // The whole drag (many streamed ticks) is one undo step after the three adds.
  expect(scenario.undoSteps).toBe(4);
  await workflow.openPanel();
  await expect(workflow.page.getByTestId('planner-pole-id')).toHaveText(pole!.id);
  await workflow.screenshot('snapped.png');
  // An antenna far above its pole is saved, with a warning naming both heights; back at the pole's, none.
  await expect(workflow.page.getByTestId('planner-pole-height-warning')).toHaveCount(0);
  const height = workflow.panelField('planner-heightM');
  await height.fill('30');
  await height.press('Enter');
  await expect.poll(async () => (await workflow.scenario()).added[1]!.heightM).toBe(30);
  await expect(workflow.page.getByTestId('planner-pole-height-warning')).toContainText(
    `天线高度 30 米，高于所挂综合杆 ${pole!.id}（${pole!.heightM} 米）`,
  );
  await height.blur(); // Ctrl+Z in a text field undoes its typing, not the scenario
  await workflow.press('Control+z');
  await expect.poll(async () => (await workflow.scenario()).added[1]!.heightM).toBe(pole!.heightM);
  await expect(workflow.page.getByTestId('planner-pole-height-warning')).toHaveCount(0);

  await workflow.press('Control+z');
  await expect.poll(async () => (await workflow.scenario()).added[1]!.coordinates).toEqual(before);
  expect((await workflow.scenario()).added[1]!.poleId).toBeUndefined();
  await expect(workflow.toolbarButton('redo')).toBeEnabled();
  await workflow.press('Control+Shift+z');
  await expect.poll(async () => (await workflow.scenario()).added[1]!.poleId).toBe(pole!.id);

  const name = workflow.panelField('planner-scenario-name');
  await name.fill('补点方案 A');
  await name.press('Enter');
  await expect.poll(async () => (await workflow.scenario()).name).toBe('补点方案 A');

  const saved = await workflow.scenario();
  await workflow.page.reload();
  await workflow.whenReady();
  const reloaded = await workflow.scenario();
  expect(reloaded.name).toBe('补点方案 A');
  expect(reloaded.added).toEqual(saved.added);

  await workflow.openPanel();
  await workflow.screenshot('after-reload.png');
  const csv = await workflow.exportFile('csv');
  expect(csv.name).toMatch(/^补点方案 A-candidates-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(csv.text.charCodeAt(0)).toBe(0xfeff);
  const rows = csv.text.slice(1).trimEnd().split('\r\n');
  expect(rows[0]).toMatch(/^站点ID,名称,经度,纬度,类型,频段,挂高/);
  expect(rows).toHaveLength(4);
  const snappedRow = rows.find((row) => row.startsWith(`${dragged},`))!;
  expect(snappedRow).toContain(`,${pole!.longitude},${pole!.latitude},微站,`);
  expect(snappedRow.endsWith(`,${pole!.id}`)).toBe(true);

  const geojson = JSON.parse((await workflow.exportFile('geojson')).text);
  expect(geojson.type).toBe('FeatureCollection');
  expect(geojson.features.map((feature: { id: string }) => feature.id)).toEqual(ids);
  expect(geojson.features[1].geometry.coordinates).toEqual([pole!.longitude, pole!.latitude]);
  expect(geojson.features[1].properties.poleId).toBe(pole!.id);

  expect(planner.consoleErrors).toEqual([]);
  expect(planner.foreignRequests).toEqual([]);
});
