/**
 * The baseline's sample network (示意数据) as a presenter and a district official meet it: the 2020 picture
 * by default, clearly below the plan's 90 % target; the switch to the 2025 scale lifts the city above it,
 * is kept in the link across a reload and goes back to 2020. Beside every computed area the official one,
 * with the reason where they differ by more than 5 % (崇明) and none where they agree (黄浦).
 */

import { expect, test } from './driver';
import { CoverageDriver, parsePercent } from './drivers/coverage-driver';

const CHONGMING = '310151';
const HUANGPU = '310101';

test('the 2020 / 2025 sample switch: labelled sample data, changes the baseline and its figures, kept in the link', async ({
  planner,
  page,
}) => {
  // Generating and computing 72,000 base stations (195,000 sectors) twice, on a shared 2-core machine.
  test.setTimeout(900_000);
  const coverage = new CoverageDriver(planner);
  const first = await coverage.open();

  const switcher = page.getByTestId('sample-switch').first();
  await expect(switcher).toContainText('示意数据');
  await expect(switcher.locator('[data-sample-year="2020"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('sample-status')).toContainText('32,000');
  expect(await page.evaluate(() => window.__e2e!.state().baseline?.ref.id)).toBe('sample-2020');
  // The plan's 2020: the city clearly below the 2025 target.
  expect(first.coveredFraction).toBeLessThan(0.85);
  expect(await coverage.cityPercentShown()).toBeLessThan(85);

  await switcher.locator('[data-sample-year="2025"]').click();
  await expect(switcher.locator('[data-sample-year="2025"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('sample-status')).toContainText('72,000', { timeout: 300_000 });
  await expect
    .poll(() => page.evaluate(() => window.__e2e!.state().baseline?.ref.id), { timeout: 300_000 })
    .toBe('sample-2025');
  const scaled = await coverage.whenComputed();
  expect(scaled.sites.total).toBeGreaterThan(190_000);
  expect(scaled.coveredFraction).toBeGreaterThan(0.9);
  await expect.poll(() => coverage.cityPercentShown(), { timeout: 120_000 }).toBeGreaterThan(90);
  await expect(page.getByTestId('coverage-legend')).toContainText('2025');
  await expect.poll(() => page.evaluate(() => window.location.hash)).toContain('sample=2025');

  // A reload (or the link sent to a colleague) opens the 2025 sample again.
  await page.reload();
  await planner.waitUntilReady();
  await page.getByRole('tab', { name: /覆盖|Coverage/ }).click();
  const reopened = page.getByTestId('sample-switch').first();
  await expect(reopened.locator('[data-sample-year="2025"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('sample-status')).toContainText('72,000', { timeout: 300_000 });

  // And back to 2020: the link loses its sample part, the figure drops below the target again.
  await reopened.locator('[data-sample-year="2020"]').click();
  await expect
    .poll(() => page.evaluate(() => window.__e2e!.state().baseline?.ref.id), { timeout: 300_000 })
    .toBe('sample-2020');
  await expect.poll(() => coverage.cityPercentShown(), { timeout: 300_000 }).toBeLessThan(85);
  await expect.poll(() => page.evaluate(() => window.location.hash)).not.toContain('sample=');
  expect(planner.consoleErrors).toEqual([]);
  expect(planner.foreignRequests).toEqual([]);
});

test('the official area beside each computed area, with the reason where they differ', async ({
  planner,
  page,
}) => {
  test.setTimeout(300_000);
  const coverage = new CoverageDriver(planner);
  const stats = await coverage.open();

  // The city: the land the figures use and the sum of the official areas, the difference explained.
  const cityOfficial = page.getByTestId('coverage-city-official');
  await expect(cityOfficial).toContainText('官方统计面积');
  const cityOfficialKm2 = stats.officialKm2!;
  expect(cityOfficialKm2).toBeGreaterThan(6_000);
  expect(cityOfficialKm2).toBeLessThan(6_500);
  expect(parsePercent((await cityOfficial.locator('summary').textContent()) ?? '')).toBe(
    Number(cityOfficialKm2.toFixed(1)),
  );

  // 崇明: the land used (with the reclaimed coast) beside 1,185.49 km², the note open on a click.
  await coverage.pickDistrict(CHONGMING);
  const districtOfficial = page.getByTestId('coverage-district-official');
  await expect(districtOfficial).toContainText('1,185.5 km²');
  await expect(districtOfficial).toContainText('比官方统计面积多');
  await districtOfficial.locator('summary').click();
  await expect(districtOfficial).toContainText('崇明岛北沿与东滩');
  const chongming = stats.districts.find((district) => district.adcode === CHONGMING)!;
  const differencePercent = ((chongming.landKm2 / chongming.officialKm2! - 1) * 100).toFixed(1);
  await expect(districtOfficial).toContainText(`${differencePercent}%`);

  // 黄浦: within 5 % of the official area, so the official figure alone, no note.
  await coverage.pickDistrict(HUANGPU);
  await expect(page.getByTestId('coverage-district-official')).toContainText('官方统计面积');
  await expect(page.getByTestId('coverage-district-official')).not.toContainText('比官方统计面积多');
  const huangpu = stats.districts.find((district) => district.adcode === HUANGPU)!;
  expect(Math.abs(huangpu.landKm2 / huangpu.officialKm2! - 1)).toBeLessThan(0.05);
  expect(planner.consoleErrors).toEqual([]);
});
