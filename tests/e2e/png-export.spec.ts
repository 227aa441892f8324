/**
 * The slide PNG (issue 13, item 13): 16:9 at 1920×1080 or 3840×2160 whatever the window's shape, with
 * the coverage figure and mode, the scenario, the date, the legend, the sources and the 示意数据 badge,
 * from the map view and from story mode (the chapter's title). Texts are read through the e2e hook and
 * checked in the decoded PNG's pixels where they were drawn.
 */
import { copyFile } from 'node:fs/promises';
import { SAMPLE_BADGE_CSS } from '../../src/map/png-furniture';
import { expect, test } from './driver';
import { CoverageDriver } from './drivers/coverage-driver';
import { StoryWorkflow } from './drivers/story-driver';

const BADGE_RGB = [1, 3, 5].map((start) => Number.parseInt(SAMPLE_BADGE_CSS.slice(start, start + 2), 16)) as [
  number,
  number,
  number,
];

test('the map view exports a 16:9 slide with figures, legend, sources and the sample label, at 1× and 2×', async ({
  planner,
}) => {
  // A 1024×768 projector with the side panel open: the map itself is taller than wide.
  await planner.page.setViewportSize({ width: 1024, height: 768 });
  const coverage = new CoverageDriver(planner);
  const stats = await coverage.open('#lang=zh&layers=districts');
  await planner.waitUntilReady();
  const story = new StoryWorkflow(planner);
  const before = await story.mapCssSize();
  expect(before.width).toBeLessThan(before.height * 1.5);

  const find = <T extends { text: string }>(texts: T[], pattern: RegExp) =>
    texts.find((entry) => pattern.test(entry.text));
  const slide = await story.exportSlide(
    /^导出 PNG$/,
    (texts) => [find(texts, /^示意数据$/)!, find(texts, /^已覆盖$/)!, find(texts, /^空洞 · 高优先级$/)!],
    BADGE_RGB,
  );
  expect({ width: slide.width, height: slide.height }).toEqual({ width: 1920, height: 1080 });
  expect(slide.deviation).toBeGreaterThan(8);
  const texts = slide.texts.map((entry) => entry.text);
  const percent = (stats.coveredFraction * 100).toFixed(1);
  expect(texts).toContain(`全市 5G 覆盖率 ${percent}%（覆盖半径模式）· 规划目标 90.0%`);
  expect(texts[0]).toMatch(/方案|基线/); // the scenario's name heads the slide
  expect(texts).toContainEqual(expect.stringMatching(/\d{4}年\d{1,2}月\d{1,2}日$/));
  expect(texts).toContainEqual(expect.stringMatching(/^数据来源：© OpenStreetMap contributors/));
  expect(texts).toContain('覆盖栅格');
  expect(texts).toEqual(expect.arrayContaining(['图层', '区界']));
  const [badge, covered, gapHigh] = slide.regions;
  // The badge's own colour behind its white text; legend rows on the light panel with dark text.
  expect(badge!.colourShare).toBeGreaterThan(0.3);
  for (const row of [covered!, gapHigh!]) {
    expect(row.meanLuminance).toBeGreaterThan(150);
    expect(row.darkShare).toBeGreaterThan(0.03);
  }
  // The window's layout and camera come back as they were.
  expect(await story.mapCssSize()).toEqual(before);

  await planner.page.getByRole('combobox', { name: '幻灯片尺寸' }).selectOption('2');
  const large = await story.exportPng(/^导出 PNG$/);
  expect({ width: large.width, height: large.height }).toEqual({ width: 3840, height: 2160 });
  await expect(planner.page.getByTestId('png-export-done')).toContainText('3840×2160');
  expect(planner.consoleErrors).toEqual([]);
});

test('story mode exports the chapter as a slide titled with the chapter, in English', async ({ planner }) => {
  const story = new StoryWorkflow(planner);
  await planner.open('#lang=en&story=2');
  await expect(story.overlay()).toHaveAttribute('data-chapter', '2');
  await planner.waitUntilReady();
  const slide = await story.exportSlide('Export this slide as PNG', () => []);
  expect({ width: slide.width, height: slide.height }).toEqual({ width: 1920, height: 1080 });
  const texts = slide.texts.map((entry) => entry.text);
  await copyFile(story.lastDownload!, test.info().outputPath('story-slide.png'));
  expect(texts[0]).toBe('Two wings');
  expect(texts).toContain('Sample data');
  expect(texts).toContainEqual(expect.stringMatching(/^Scenario: /));
  expect(texts).toContainEqual(expect.stringMatching(/\d{1,2} [A-Z][a-z]+ \d{4}$/));
  expect(texts).toContainEqual(expect.stringMatching(/^Sources: /));
  // Nothing Chinese on the English slide.
  expect(texts.filter((text) => /[\u4e00-\u9fff]/.test(text))).toEqual([]);
  await expect(story.overlay()).toHaveAttribute('data-chapter', '2');
  expect(planner.consoleErrors).toEqual([]);
});
