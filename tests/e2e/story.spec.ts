import type {} from '../../src/app/story-test-hook';
import { STORY_CHAPTERS } from '../../src/domain/story/chapters';
import { expect, test } from './driver';
import { StoryWorkflow } from './drivers/story-driver';

const TITLES = {
  zh: ['空间新格局', '全域提质', '两翼添能', '新城创极'],
  en: ['A new spatial layout', 'City-wide quality', 'Two wings', 'New towns as poles'],
} as const;

for (const language of ['zh', 'en'] as const) {
  test(`story mode (${language}): every chapter by keyboard with its layers and title, back to the overview, Esc restores`, async ({
    planner,
  }) => {
    const story = new StoryWorkflow(planner);
    await planner.open(`#layers=districts,metro&lang=${language}`);
    await planner.page.getByRole('button', { name: language === 'zh' ? /演示/ : /Present/ }).click();
    await expect(story.overlay()).toBeVisible();
    await expect(planner.page.locator('.app-header')).toBeHidden();
    await expect(planner.page.locator('.layer-panel')).toBeHidden();
    for (const chapter of STORY_CHAPTERS) {
      await expect(story.overlay()).toHaveAttribute('data-chapter', String(chapter.number));
      await expect(planner.page.getByTestId('story-title')).toHaveText(TITLES[language][chapter.number]!);
      expect(await story.visibleLayers()).toEqual([...chapter.layers].sort());
      if (chapter.number === 0)
        await expect(planner.page.getByTestId('indicator-table').locator('tbody tr')).toHaveCount(12);
      if (chapter.number === 2) {
        await planner.waitUntilReady();
        expect(await planner.renderedCount('cableLandings')).toBeGreaterThan(0);
      }
      if (chapter.number === 3) await planner.saveScreenshot(`story-chapter-3-${language}.png`);
      for (let step = 0; step < chapter.steps.length; step++)
        await story.press(step % 2 ? 'Space' : 'ArrowRight');
    }
    // After the last new town the story returns to the overview.
    await expect(story.overlay()).toHaveAttribute('data-chapter', '0');
    await story.press('2');
    await expect(planner.page.getByTestId('story-title')).toHaveText(TITLES[language][2]);
    await story.press('ArrowLeft');
    await expect(story.overlay()).toHaveAttribute('data-chapter', '1');
    await story.press('Escape');
    await expect(story.overlay()).toHaveCount(0);
    await expect(planner.page.locator('.app-header')).toBeVisible();
    expect(await story.visibleLayers()).toEqual(['districts', 'metro']);
    expect(planner.consoleErrors).toEqual([]);
  });
}

test('a deep link opens a chapter; the map exports as a 16:9 PNG that is not blank', async ({ planner }) => {
  const story = new StoryWorkflow(planner);
  await planner.open('#lang=en&story=2');
  await expect(story.overlay()).toHaveAttribute('data-chapter', '2');
  await expect(planner.page.getByTestId('story-title')).toHaveText('Two wings');
  await planner.waitUntilReady();
  await planner.saveScreenshot('story-chapter-2-en.png');
  await story.press('Escape');
  await expect(story.overlay()).toHaveCount(0);

  // A 16:9 slide whatever the window's shape (png-export.spec.ts checks what is drawn on it).
  const png = await story.exportPng(/Export PNG/);
  expect({ width: png.width, height: png.height }).toEqual({ width: 1920, height: 1080 });
  // A blank or single-colour canvas has a deviation near 0; a drawn map with furniture well above.
  expect(png.deviation).toBeGreaterThan(8);
  await expect(planner.page.getByTestId('png-export-done')).toContainText('1920×1080');
  expect(planner.consoleErrors).toEqual([]);
});

test('the wings chapter: each facility count is the number of its markers standing out on the map', async ({
  planner,
}) => {
  await planner.open('#lang=zh&story=2');
  await planner.waitUntilReady();
  const figure = (name: string) => planner.page.locator(`[data-figure="${name}"] strong`);
  // The zone figures are counted shortly after story mode opens.
  await expect(figure('hubClusters')).not.toHaveText('0');
  const rendered = () => planner.page.evaluate(() => window.__e2e!.story!.renderedFacilities());
  const solid = (
    facilities: Awaited<ReturnType<typeof rendered>>,
    match: (tier: string | null, type: string) => boolean,
  ) => facilities.filter((facility) => facility.highlighted && match(facility.tier, facility.type)).length;
  const hubs = Number(await figure('hubClusters').textContent());
  await expect.poll(async () => solid(await rendered(), (tier) => tier === 'hub_cluster')).toBe(hubs);
  const facilities = await rendered();
  expect(solid(facilities, (_tier, type) => type === 'cable_landing_station')).toBe(
    Number(await figure('cableLandings').textContent()),
  );
  // More hub clusters are on screen than the wings hold: those outside are drawn, but faint.
  const hubsOnScreen = facilities.filter((facility) => facility.tier === 'hub_cluster');
  expect(hubsOnScreen.length).toBeGreaterThan(hubs);
  await expect(planner.page.locator('[data-figure="hubClusters"] small')).toContainText(
    `全市共 ${hubsOnScreen.length} 个`,
  );
  expect(planner.consoleErrors).toEqual([]);
});
