/**
 * Suggest actions for the e2e specs: open the 选址 / Suggest tab, choose a district and a count as a
 * user would, run, read the result the panel shows, accept, and read coverage for comparison.
 */
import type { Page } from '@playwright/test';
import type {} from '../../../src/app/coverage-test-hook';
import type {} from '../../../src/app/features/suggest';
import type { CoverageStats } from '../../../src/domain/coverage/report';
import type { SuggestResult } from '../../../src/domain/selection/suggest';
import { expect, type PlannerDriver } from '../driver';

export class SuggestWorkflow {
  readonly page: Page;

  constructor(readonly planner: PlannerDriver) {
    this.page = planner.page;
  }

  /** Opens the tab once coverage has been computed (the suggestion runs on it). */
  async openTab(): Promise<CoverageStats> {
    const stats = await this.whenComputed();
    await this.page.getByRole('tab', { name: /选址|Suggest/ }).click();
    await expect(this.page.getByTestId('suggest-panel')).toBeVisible();
    return stats;
  }

  whenComputed(): Promise<CoverageStats> {
    return this.page.evaluate(() => window.__planner!.coverage!.whenComputed());
  }

  /** Area = a district, budget = a number of sites, through the form. */
  async chooseDistrict(adcode: string, count: number): Promise<void> {
    await this.page.getByTestId('suggest-area-kind').selectOption('district');
    await this.page.getByTestId('suggest-district').selectOption(adcode);
    await this.page.getByTestId('suggest-count').fill(String(count));
  }

  /** Clicks run and waits for the ranked list. */
  async run(): Promise<SuggestResult> {
    await this.page.getByTestId('suggest-run').click();
    await expect(this.page.getByTestId('suggest-results')).toBeVisible({ timeout: 90_000 });
    return (await this.page.evaluate(() => window.__planner!.suggest!.result()))!;
  }

  async acceptAll(): Promise<void> {
    await this.page.getByTestId('suggest-accept-all').click();
    await expect(this.page.getByTestId('suggest-accepted')).toBeVisible();
  }

  /** The district's covered km² once the coverage following the scenario is current. */
  async districtCoveredKm2(adcode: string): Promise<number> {
    const stats = await this.whenComputed();
    return stats.districts.find((district) => district.adcode === adcode)!.coveredKm2;
  }

  scenarioSites(): Promise<{ id: string; poleId?: string; status?: string }[]> {
    return this.page.evaluate(
      () => window.__planner!.state().session?.scenario.addedSites.map((site) => site.properties) ?? [],
    );
  }
}
