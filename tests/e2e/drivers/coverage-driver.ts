/**
 * Coverage actions for the e2e specs: open the coverage tab, wait for a computed result, switch mode
 * and cell size as a user would, read the figures the panel shows, and measure main-thread frame gaps.
 */
import type { Page } from '@playwright/test';
import type { CoverageStats } from '../../../src/domain/coverage/report';
import type {} from '../../../src/app/coverage-test-hook';
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
    return this.page.evaluate(() => window.__planner!.coverage!.whenComputed());
  }

  workerStats(): Promise<CoverageStats> {
    return this.page.evaluate(() => window.__planner!.coverage!.workerStats());
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
    await expect.poll(() => this.page.evaluate(() => window.__planner!.coverage!.settings().mode)).toBe(mode);
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
    return this.page.evaluate(() => window.__planner!.coverage!.renderedGapCount());
  }

  /** Starts a requestAnimationFrame loop in the page that records the longest gap between frames. */
  async startFrameMeter(): Promise<void> {
    await this.page.evaluate(() => {
      const meter = { maxGapMs: 0, frames: 0, last: performance.now(), running: true };
      (window as unknown as { __frameMeter: typeof meter }).__frameMeter = meter;
      const tick = (now: number) => {
        if (!meter.running) return;
        meter.maxGapMs = Math.max(meter.maxGapMs, now - meter.last);
        meter.last = now;
        meter.frames++;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  }

  stopFrameMeter(): Promise<{ maxGapMs: number; frames: number }> {
    return this.page.evaluate(() => {
      const meter = (window as unknown as { __frameMeter: { maxGapMs: number; frames: number; running: boolean } })
        .__frameMeter;
      meter.running = false;
      return { maxGapMs: meter.maxGapMs, frames: meter.frames };
    });
  }

  status(): Promise<string> {
    return this.page.evaluate(() => window.__planner!.coverage!.status());
  }
}
