/** Small things every user meets: the side panel's tabs and the coverage legend over the map. */
import { expect, test } from './driver';

test('the open tab stays open when clicked again, the collapse button closes it; the legend lets clicks through to the map', async ({
  planner,
}) => {
  test.setTimeout(180_000);
  const page = planner.page;
  await planner.open('#layers=districts,sites');
  const coverageTab = page.getByRole('tab', { name: '覆盖' });
  await coverageTab.click();
  const body = page.getByRole('tabpanel');
  await expect(body).toBeVisible();
  // A reader clicks the tab they are on: the panel stays.
  await coverageTab.click();
  await expect(body).toBeVisible();
  await expect(coverageTab).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: '收起面板' }).click();
  await expect(body).toHaveCount(0);

  // The legend is drawn once coverage is computed; the point at its centre belongs to the map's canvas.
  const legend = page.getByTestId('coverage-legend');
  await expect(legend).toBeVisible({ timeout: 120_000 });
  const box = (await legend.boundingBox())!;
  const hit = await page.evaluate(
    ({ x, y }) => {
      const element = document.elementFromPoint(x, y);
      return element?.closest('.maplibregl-map') !== null && element?.tagName === 'CANVAS';
    },
    { x: box.x + box.width / 2, y: box.y + box.height / 2 },
  );
  expect(hit).toBe(true);
  expect(planner.consoleErrors).toEqual([]);
});

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
]) {
  test(`the first look at ${viewport.width}×${viewport.height} shows the city's coverage figure without a click`, async ({
    planner,
  }) => {
    await planner.page.setViewportSize(viewport);
    await planner.open('');
    const figure = planner.page.getByTestId('coverage-city-fraction');
    await expect(figure).toBeVisible({ timeout: 120_000 });
    await expect(figure).toHaveText(/\d+[.,]\d%/);
    await expect(figure).toBeInViewport({ ratio: 1 });
    await expect(planner.page.getByRole('tab', { name: '覆盖' })).toHaveAttribute('aria-selected', 'true');
    expect(planner.consoleErrors).toEqual([]);
  });
}

test('on a phone the map comes first: no sheet covers it at start', async ({ planner }) => {
  await planner.page.setViewportSize({ width: 390, height: 844 });
  await planner.open('');
  await planner.waitUntilReady();
  await expect(planner.page.getByRole('tabpanel')).toHaveCount(0);
  expect(planner.consoleErrors).toEqual([]);
});
