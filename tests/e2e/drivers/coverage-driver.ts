/**
 * Coverage actions for the e2e specs: open the coverage tab, wait for a computed result, switch mode
 * and cell size as a user would, read the figures the panel shows, and measure main-thread frame gaps.
 */
import type { Page } from '@playwright/test';
import type {} from '../../../src/app/coverage-test-hook';
import type { CoverageStats } from '../../../src/domain/coverage/report';
import { expect, type PlannerDriver } from '../driver';

/** "88.8%" or "88.8 %" → 88.8 (the panel's percentage text). */
export function parsePercent(text: string): number {
  const match = text.replace(/,/g, '').match(/-?\d+(\.\d+)?/);
  if (!match) throw new Error(`no number in "${text}"`);
  return Number(match[0]);
}

export class CoverageDriver {
  readonly page: Page;

  constructor(readonly planner: PlannerDriver) {
    this.page = planner.page;
  }

  /** Opens the app and the coverage tab, and waits for the first computed result. */
  async open(hash = ''): Promise<CoverageStats> {
    await this.planner.open(hash);
    await this.page.getByRole('tab', { name: /覆盖|Coverage/ }).click();
    return this.whenComputed();
  }

  whenComputed(): Promise<CoverageStats> {
    return this.page.evaluate(() => window.__e2e!.coverage!.whenComputed());
  }

  workerStats(): Promise<CoverageStats> {
    return this.page.evaluate(() => window.__e2e!.coverage!.workerStats());
  }

  async cityPercentShown(): Promise<number> {
    return parsePercent(await this.page.getByTestId('coverage-city-fraction').innerText());
  }

  async districtPercentShown(): Promise<number> {
    return parsePercent(await this.page.getByTestId('coverage-district-fraction').innerText());
  }

  /** Clicks the mode switch and waits until the new mode's result is in. */
  async switchMode(mode: 'radius' | 'pathloss'): Promise<CoverageStats> {
    await this.page.locator(`.coverage-segmented button[data-mode="${mode}"]`).click();
    await expect.poll(() => this.page.evaluate(() => window.__e2e!.coverage!.settings().mode)).toBe(mode);
    return this.whenComputed();
  }

  /** Types a cell size into the settings form and applies it (does not wait for the result). */
  async applyCellSize(cellM: number): Promise<void> {
    const settings = this.page.locator('.coverage-settings-box');
    if (!(await settings.evaluate((element) => (element as HTMLDetailsElement).open)))
      await settings.locator('summary').first().click();
    await this.page.locator('#coverage-cell').fill(String(cellM));
    await this.page.getByRole('button', { name: /应用并重新计算|Apply and recompute/ }).click();
  }

  async pickDistrict(adcode: string): Promise<void> {
    await this.page.locator('#coverage-district').selectOption(adcode);
  }

  async setRasterVisible(visible: boolean): Promise<void> {
    const box = this.page.getByRole('checkbox', { name: /覆盖栅格|Coverage raster/ });
    if ((await box.isChecked()) !== visible) await box.click();
    await this.planner.waitUntilReady();
  }

  renderedGapCount(): Promise<number> {
    return this.page.evaluate(() => window.__e2e!.coverage!.renderedGapCount());
  }

  /**
   * Starts recording in the page: gaps between animation frames, main-thread long tasks, and when the
   * coverage status leaves 'computing' (the worker's result reaching the main thread).
   */
  async startFrameMeter(): Promise<void> {
    await this.page.evaluate(() => {
      const meter = {
        started: performance.now(),
        computedAt: Number.POSITIVE_INFINITY,
        frames: [] as number[],
        longTasks: [] as { start: number; duration: number }[],
        running: true,
      };
      (window as unknown as { __frameMeter: typeof meter }).__frameMeter = meter;
      const tick = (now: number) => {
        if (!meter.running) return;
        meter.frames.push(now);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          meter.longTasks.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ entryTypes: ['longtask'] });
    });
  }

  /**
   * Stops the meter. `whileComputing` covers the recompute up to its result reaching the main thread;
   * `afterResult` the delivery of the new image and gaps to the map.
   */
  stopFrameMeter(): Promise<{
    whileComputing: { frames: number; maxFrameGapMs: number; longestTaskMs: number; durationMs: number };
    afterResult: { maxFrameGapMs: number; longestTaskMs: number };
  }> {
    return this.page.evaluate(() => {
      const meter = (
        window as unknown as {
          __frameMeter: {
            started: number;
            computedAt: number;
            frames: number[];
            longTasks: { start: number; duration: number }[];
            running: boolean;
          };
        }
      ).__frameMeter;
      meter.running = false;
      meter.computedAt = window.__e2e!.coverage!.computeFinishedAt();
      const summarise = (from: number, to: number) => {
        const frames = meter.frames.filter((time) => time >= from && time <= to);
        let maxFrameGapMs = 0;
        let previous = from;
        for (const time of frames) {
          maxFrameGapMs = Math.max(maxFrameGapMs, time - previous);
          previous = time;
        }
        const tasks = meter.longTasks.filter((task) => task.start >= from && task.start < to);
        const longestTaskMs = Math.max(0, ...tasks.map((task) => task.duration));
        return { frames: frames.length, maxFrameGapMs, longestTaskMs, durationMs: to - from };
      };
      const end = meter.frames[meter.frames.length - 1] ?? performance.now();
      // The task that receives the result starts before the status changes; the compute ends where it starts.
      const delivery = meter.longTasks.find(
        (task) => task.start <= meter.computedAt && meter.computedAt <= task.start + task.duration + 50,
      );
      const cut = Math.min(delivery?.start ?? meter.computedAt, meter.computedAt);
      const computing = summarise(meter.started, cut);
      const after = summarise(cut, end);
      return {
        whileComputing: computing,
        afterResult: { maxFrameGapMs: after.maxFrameGapMs, longestTaskMs: after.longestTaskMs },
      };
    });
  }

  status(): Promise<string> {
    return this.page.evaluate(() => window.__e2e!.coverage!.status());
  }
}
