import { expect, test } from './driver';
import { DistrictWorkflow } from './drivers/district-driver';

const PUDONG = '310115';

for (const language of ['zh', 'en'] as const) {
  const words =
    language === 'zh'
      ? { tab: '区县', name: '浦东新区', report: /生成报告/, csv: /弱覆盖区 CSV/, fly: /定位到弱覆盖区 1$/ }
      : {
          tab: 'District',
          name: 'Pudong',
          report: /^Report/,
          csv: /Weak spots CSV/,
          fly: /Go to weak spot 1$/,
        };

  test(`district view (${language}): panel equals the engine, weak spots fly, report and CSV hold the same numbers`, async ({
    planner,
  }) => {
    const district = new DistrictWorkflow(planner);
    await district.stubPrint();
    await planner.open(`#layers=districts,sites&lang=${language}`);
    await district.openTab(words.tab);
    await district.pick(`district:${PUDONG}`);
    await expect(planner.page.getByTestId('district-name')).toHaveText(new RegExp(words.name));
    await district.whenFiguresReady();

    // Coverage on the panel equals the engine's own statistics for the district.
    const engine = await district.engineDistrict(PUDONG);
    const percent = `${(engine.coveredFraction * 100).toFixed(1)}%`;
    await expect(planner.page.getByTestId('coverage-percent')).toHaveText(percent);
    await expect(district.figure('panel', 'coverageFraction')).toHaveText(percent);
    const coveredText = (await district.figure('panel', 'coveredKm2').textContent()) ?? '';
    expect(Number(coveredText.replace(/[^\d.]/g, ''))).toBeCloseTo(engine.coveredKm2, 0);

    // Weak spots: ranked as the engine's gaps of Pudong, highest priority first.
    const gapIds = await district.engineGapIds(PUDONG);
    const rows = planner.page.getByTestId('weak-spots').locator('tbody tr');
    await expect(rows).toHaveCount(Math.min(10, gapIds.length));
    expect(await rows.first().getAttribute('data-gap-id')).toBe(String(gapIds[0]));
    const before = await planner.view();
    await planner.page.getByRole('button', { name: words.fly }).click();
    await expect
      .poll(() => planner.page.evaluate(() => window.__e2e!.state().highlightedGapId))
      .toBe(gapIds[0]);
    // The map goes to the weak spot: the view moves and its centre lies in the gap's bounding box (a gap
    // across a border can be larger than the district, so the zoom need not grow).
    const gapBox = await planner.page.evaluate((id) => {
      const gap = window
        .__e2e!.state()
        .coverageGaps!.features.find((feature) => feature.properties.id === id)!;
      const points = gap.geometry.coordinates.flat(2);
      const longitudes = points.map((point) => point[0]!);
      const latitudes = points.map((point) => point[1]!);
      return [
        Math.min(...longitudes),
        Math.min(...latitudes),
        Math.max(...longitudes),
        Math.max(...latitudes),
      ];
    }, gapIds[0]!);
    await expect
      .poll(
        async () => {
          const view = await planner.view();
          if (!view || !before) return 'no view';
          const moved =
            Math.abs(view.zoom - before.zoom) > 0.2 ||
            Math.abs(view.longitude - before.longitude) > 0.005 ||
            Math.abs(view.latitude - before.latitude) > 0.005;
          const inside =
            view.longitude >= gapBox[0]! &&
            view.longitude <= gapBox[2]! &&
            view.latitude >= gapBox[1]! &&
            view.latitude <= gapBox[3]!;
          return moved && inside ? 'on the gap' : `view ${JSON.stringify(view)}`;
        },
        { timeout: 15_000 },
      )
      .toBe('on the gap');
    await planner.saveScreenshot(`district-panel-${language}.png`);

    // The printable report: the district's name, the same figures, a map image, and print called.
    const panelFigures = await planner.page
      .getByTestId('district-panel')
      .locator('[data-figure]')
      .allInnerTexts();
    await planner.page.getByRole('button', { name: words.report }).click();
    const report = planner.page.getByTestId('district-report');
    await expect(report).toBeVisible({ timeout: 30_000 });
    await expect(report.locator('h1')).toContainText(words.name);
    expect(await report.locator('[data-figure]').allInnerTexts()).toEqual(panelFigures);
    await expect(district.figure('report', 'coverageFraction')).toHaveText(percent);
    expect(await report.locator('img').getAttribute('src')).toMatch(/^data:image\/png;base64,.{1000}/);
    await expect.poll(() => district.printCalls()).toBe(1);
    await planner.saveScreenshot(`district-report-${language}.png`);
    await planner.page.keyboard.press('Escape');
    await expect(report).toHaveCount(0);

    // The CSV: BOM, header and one row per weak spot, first row the top-priority gap.
    const csv = await district.downloadCsv(words.csv);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(gapIds.length + 1);
    expect(lines[1]!.split(',').slice(0, 2)).toEqual(['1', String(gapIds[0])]);
    expect(planner.consoleErrors).toEqual([]);
    expect(planner.foreignRequests).toEqual([]);
  });
}
