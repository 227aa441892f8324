/**
 * Planner workflow actions for the specs: tools by keyboard, add and drag sites on the map, read
 * the open scenario and the attribute panel, export files and read them back.
 */
import { readFile } from 'node:fs/promises';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
// Types only: the app's window.__e2e.planner augmentation.
import type {} from '../../../src/app/planner-test-hooks';
import type { PlannerDriver } from '../driver';
import { expect } from '../driver';

export interface ScenarioView {
  name: string;
  added: { id: string; coordinates: number[]; poleId?: string; kind?: string; heightM?: number }[];
  undoSteps: number;
  redoSteps: number;
}

export class PlannerWorkflow {
  constructor(readonly planner: PlannerDriver) {}

  get page() {
    return this.planner.page;
  }

  /** Opens the app at a view and waits for the map, the open scenario and the pole index. */
  async open(zoom: number, latitude: number, longitude: number): Promise<void> {
    await this.planner.open(`#map=${zoom}/${latitude}/${longitude}`);
    await this.whenReady();
  }

  async whenReady(): Promise<void> {
    await this.page.waitForFunction(() => window.__e2e?.planner !== undefined);
    await this.page.evaluate(() => window.__e2e!.planner!.whenPlannerReady());
  }

  /** Presses a key on the map (focus on the body, not in a field). */
  async press(key: string): Promise<void> {
    await this.page.locator('body').press(key);
  }

  async canvasBox() {
    const box = await this.planner.mapCanvas().boundingBox();
    if (!box) throw new Error('map canvas not visible');
    return box;
  }

  /** Adds a site with the add tool; with `suspendSnap` Alt is held, as a planner would. */
  async addSiteAt(longitude: number, latitude: number, suspendSnap = false): Promise<string> {
    const before = (await this.scenario()).added.length;
    if (suspendSnap) await this.page.keyboard.down('Alt');
    await this.planner.clickMapAt(longitude, latitude);
    if (suspendSnap) await this.page.keyboard.up('Alt');
    await expect.poll(async () => (await this.scenario()).added.length).toBe(before + 1);
    return (await this.scenario()).added.at(-1)!.id;
  }

  /** Drags a site by the mouse to a canvas pixel, in `steps` moves. */
  async dragSiteTo(siteId: string, target: { x: number; y: number }, steps = 12): Promise<void> {
    const start = await this.page.evaluate((id) => window.__e2e!.planner!.sitePixel(id), siteId);
    if (!start) throw new Error(`site ${siteId} not on the map`);
    const box = await this.canvasBox();
    await this.page.mouse.move(box.x + start.x, box.y + start.y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + target.x, box.y + target.y, { steps });
    await this.page.mouse.up();
  }

  nearestPole(longitude: number, latitude: number, maxDistanceM: number) {
    return this.page.evaluate(
      ([lon, lat, distance]) => window.__e2e!.planner!.nearestPole(lon, lat, distance),
      [longitude, latitude, maxDistanceM] as const,
    );
  }

  scenario(): Promise<ScenarioView> {
    return this.page.evaluate(() => {
      const session = window.__e2e!.state().session!;
      return {
        name: session.scenario.name,
        added: session.scenario.addedSites.map((site) => ({
          id: site.properties.id,
          coordinates: site.geometry.coordinates,
          poleId: site.properties.poleId,
          kind: site.properties.kind,
          heightM: site.properties.heightM,
        })),
        undoSteps: session.undoStack.length,
        redoSteps: session.redoStack.length,
      };
    });
  }

  /** City covered area from the store once the engine is ready, or null when coverage is not wired. */
  coveredKm2(): Promise<number | null> {
    return this.page.evaluate(() => {
      const state = window.__e2e!.state();
      return state.coverageStatus === 'ready' ? (state.coverageStats?.coveredKm2 ?? null) : null;
    });
  }

  /** Opens the 规划 / Planner side-panel tab unless it is open. */
  async openPanel(): Promise<void> {
    const tab = this.page.locator('#tab-planner');
    if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  }

  /** A screenshot kept outside Playwright's output folder (other runs clean that one). */
  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/planner/${name}` });
  }

  /** Moves the map through the URL hash (as a shared link would) and waits for it to settle. */
  async jumpTo(zoom: number, latitude: number, longitude: number): Promise<void> {
    await this.page.evaluate((hash) => {
      window.location.hash = hash;
    }, `#map=${zoom}/${latitude}/${longitude}`);
    await this.planner.waitUntilReady();
  }

  /**
   * Waits for the coverage engine's first result and returns the covered km². Coverage that never
   * becomes ready fails the test (it used to return null and the specs skipped their assertion).
   */
  async waitForCoverage(timeoutMs: number): Promise<number> {
    await this.page
      .waitForFunction(() => window.__e2e!.state().coverageStatus === 'ready', undefined, {
        timeout: timeoutMs,
      })
      .catch((error: unknown) => {
        throw new Error(`coverage never became ready within ${timeoutMs / 1000} s: ${String(error)}`);
      });
    const coveredKm2 = await this.coveredKm2();
    if (coveredKm2 === null) throw new Error('coverage is ready but reports no covered area');
    return coveredKm2;
  }

  /** The largest coverage gap with a comprehensive pole within `maxDistanceM` of its centroid. */
  /**
   * The largest weak spot over 0.5 km² with a pole within maxDistanceM of its centroid, skipping those
   * whose centroid lies outside them (a ragged gap's centroid can fall on covered land).
   */
  async gapNearPole(maxDistanceM: number) {
    const gaps = await this.page.evaluate(() => window.__e2e!.state().coverageGaps?.features ?? []);
    const sorted = [...gaps].sort((left, right) => right.properties.areaKm2 - left.properties.areaKm2);
    for (const gap of sorted) {
      if (gap.properties.areaKm2 <= 0.5) break;
      const [longitude, latitude] = gap.properties.centroid;
      if (!booleanPointInPolygon(gap.properties.centroid, gap.geometry)) continue;
      const pole = await this.nearestPole(longitude, latitude, maxDistanceM);
      if (pole) return { longitude, latitude, pole, areaKm2: gap.properties.areaKm2 };
    }
    return null;
  }

  toolbarButton(command: string) {
    return this.page.locator(`.planner-toolbar [data-command="${command}"]`);
  }

  panelField(id: string) {
    return this.page.locator(`#${id}`);
  }

  /** Clicks an export button and returns the downloaded file's name and text. */
  async exportFile(format: 'csv' | 'geojson' | 'kml' | 'scenario'): Promise<{ name: string; text: string }> {
    const download = this.page.waitForEvent('download');
    await this.page.locator(`[data-export="${format}"]`).click();
    const file = await download;
    const path = await file.path();
    return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
  }
}
