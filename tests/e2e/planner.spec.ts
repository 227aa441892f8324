import { expect, test } from './driver';
import { PlannerWorkflow } from './drivers/planner-driver';

// People's Square at zoom 16: poles every 40–80 m along streets, 1 px ≈ 2 m.
const CENTRE = { longitude: 121.4737, latitude: 31.2304 };

test('add three sites, snap one onto a pole by dragging, undo/redo, rename, reload, export', async ({
  planner,
}) => {
  const workflow = new PlannerWorkflow(planner);
  await workflow.open(16, CENTRE.latitude, CENTRE.longitude);
  const coveredAtStart = await workflow.coveredKm2();

  await workflow.press('a');
  await expect(workflow.toolbarButton('addSiteTool')).toHaveAttribute('aria-pressed', 'true');
  // Alt held: the sites stay where clicked even near a pole.
  const ids = [];
  for (const [dx, dy] of [
    [-0.0015, 0.0008],
    [0.0012, 0.0009],
    [0.0004, -0.0011],
  ] as const) {
    ids.push(await workflow.addSiteAt(CENTRE.longitude + dx, CENTRE.latitude + dy, true));
  }
  let scenario = await workflow.scenario();
  expect(scenario.added).toHaveLength(3);
  expect(scenario.added.every((site) => site.poleId === undefined)).toBe(true);
  await expect(workflow.toolbarButton('undo')).toBeEnabled();
  await expect(workflow.toolbarButton('redo')).toBeDisabled();

  // Drag the second site to 6 px (~12 m) beside a pole: it lands exactly on the pole.
  await workflow.press('s');
  const dragged = ids[1]!;
  const before = scenario.added[1]!.coordinates;
  const pole = await workflow.nearestPole(CENTRE.longitude, CENTRE.latitude, 400);
  expect(pole, 'a pole near the centre').not.toBeNull();
  await workflow.dragSiteTo(dragged, { x: pole!.x + 5, y: pole!.y + 3 });
  await expect.poll(async () => (await workflow.scenario()).added[1]!.poleId).toBe(pole!.id);
  scenario = await workflow.scenario();
  expect(scenario.added[1]!.coordinates).toEqual([pole!.longitude, pole!.latitude]);
  expect(scenario.added[1]!.kind).toBe('micro');
  expect(scenario.added[1]!.heightM).toBe(pole!.heightM);
  // The whole drag (many streamed ticks) is one undo step after the three adds.
  expect(scenario.undoSteps).toBe(4);
  await expect(workflow.page.getByTestId('planner-pole-id')).toHaveText(pole!.id);
  await workflow.screenshot('snapped.png');

  if (coveredAtStart === null) {
    test.info().annotations.push({
      type: 'skipped assertion',
      description: 'coverage not ready: figure change not checked',
    });
  } else {
    await expect.poll(() => workflow.coveredKm2(), { timeout: 60_000 }).toBeGreaterThan(coveredAtStart);
    await expect(workflow.page.getByTestId('planner-summary-covered')).toContainText('km²');
  }

  await workflow.press('Control+z');
  await expect.poll(async () => (await workflow.scenario()).added[1]!.coordinates).toEqual(before);
  expect((await workflow.scenario()).added[1]!.poleId).toBeUndefined();
  await workflow.press('Control+Shift+z');
  await expect.poll(async () => (await workflow.scenario()).added[1]!.poleId).toBe(pole!.id);

  const name = workflow.panelField('planner-scenario-name');
  await name.fill('人民广场补点方案');
  await name.press('Enter');
  await expect.poll(async () => (await workflow.scenario()).name).toBe('人民广场补点方案');

  const saved = await workflow.scenario();
  await workflow.page.reload();
  await workflow.whenReady();
  const reloaded = await workflow.scenario();
  expect(reloaded.name).toBe('人民广场补点方案');
  expect(reloaded.added).toEqual(saved.added);

  await workflow.openPanel();
  await workflow.screenshot('after-reload.png');
  const csv = await workflow.exportFile('csv');
  expect(csv.name).toMatch(/^人民广场补点方案-candidates-\d{4}-\d{2}-\d{2}\.csv$/);
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
