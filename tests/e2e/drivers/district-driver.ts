/**
 * District-view and report actions for the specs: open the District tab, pick an area, wait for the
 * engine's figures, read the panel, open the printable report (window.print is counted, not shown),
 * download the weak-spot CSV.
 */
import { readFile } from 'node:fs/promises';
import type { Download } from '@playwright/test';
import type { PlannerDriver } from '../driver';

export class DistrictWorkflow {
  constructor(readonly planner: PlannerDriver) {}

  get page() {
    return this.planner.page;
  }

  /** Counts window.print() calls instead of opening the dialog; call before open(). */
  async stubPrint(): Promise<void> {
    await this.page.addInitScript(() => {
      (window as unknown as { __printCalls: number }).__printCalls = 0;
      window.print = () => {
        (window as unknown as { __printCalls: number }).__printCalls++;
      };
    });
  }

  printCalls(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as { __printCalls: number }).__printCalls);
  }

  async openTab(label: string | RegExp): Promise<void> {
    await this.page.getByRole('tab', { name: label }).click();
  }

  /** Picks an area in the district picker by its option value (district:310115, zone:newtown_nanhui). */
  async pick(value: string): Promise<void> {
    await this.page.getByTestId('district-panel').locator('select').selectOption(value);
  }

  /** Waits until the engine has reported and the report model carries coverage. */
  async whenFiguresReady(): Promise<void> {
    await this.page.waitForFunction(
      () => {
        const state = window.__e2e?.state();
        return state?.coverageStatus === 'ready' && state.districtReport?.coverage != null;
      },
      undefined,
      { timeout: 110_000, polling: 500 },
    );
  }

  /** The engine's own figures for one district (the worker's statistics when the hook offers them). */
  engineDistrict(adcode: string) {
    return this.page.evaluate(async (code) => {
      const hook = window.__e2e!;
      const stats = hook.coverage?.workerStats
        ? await hook.coverage.workerStats()
        : hook.state().coverageStats!;
      return stats.districts.find((district) => district.adcode === code)!;
    }, adcode);
  }

  /** Gap ids of a district, highest priority first, straight from the store's gap collection. */
  /**
   * The engine's gaps with a part in the district of at least the engine's minimum gap size (a gap across
   * a border counts in each district it reaches), highest priority first; ties by area, then id.
   */
  engineGapIds(adcode: string) {
    return this.page.evaluate((code) => {
      const state = window.__e2e!.state();
      const minAreaKm2 = state.coverageStats?.gaps?.minAreaKm2 ?? 0;
      const partIn = (gap: (typeof state.coverageGaps & {})['features'][number]) =>
        gap.properties.districtAreasKm2
          ? (gap.properties.districtAreasKm2[code] ?? 0)
          : gap.properties.adcode === code
            ? gap.properties.areaKm2
            : 0;
      return state
        .coverageGaps!.features.filter((gap) => partIn(gap) > 0 && partIn(gap) >= minAreaKm2)
        .sort(
          (a, b) =>
            b.properties.priorityScore - a.properties.priorityScore ||
            b.properties.areaKm2 - a.properties.areaKm2 ||
            a.properties.id - b.properties.id,
        )
        .map((gap) => gap.properties.id);
    }, adcode);
  }

  figure(container: 'panel' | 'report', id: string) {
    const root = this.page.getByTestId(container === 'panel' ? 'district-panel' : 'district-report');
    return root.locator(`[data-figure="${id}"] td`);
  }

  async downloadCsv(label: string | RegExp): Promise<string> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: label }).click(),
    ]);
    return readDownload(download);
  }
}

export async function readDownload(download: Download): Promise<string> {
  const path = await download.path();
  return readFile(path, 'utf8');
}
