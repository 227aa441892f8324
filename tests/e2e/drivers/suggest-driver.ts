/**
 * Suggest actions for the e2e specs: open the 选址 / Suggest tab, choose a district and a count as a
 * user would, run, read the result the panel shows, accept, and read coverage for comparison.
 */
import type { Page } from '@playwright/test';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type {} from '../../../src/app/coverage-test-hook';
import type {} from '../../../src/app/features/suggest';
import type { GapProperties } from '../../../src/domain/coverage/gaps';
import type { CoverageStats } from '../../../src/domain/coverage/report';
import type { SuggestResult } from '../../../src/domain/suggest/suggest';
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
    return this.page.evaluate(() => window.__e2e!.coverage!.whenComputed());
  }

  /** Area = a district, budget = a number of sites, through the form. */
  async chooseDistrict(adcode: string, count: number): Promise<void> {
    await this.page.getByTestId('suggest-area-kind').selectOption('district');
    await this.page.getByTestId('suggest-district').selectOption(adcode);
    await this.page.getByTestId('suggest-count').fill(String(count));
  }

  /**
   * The weak spot ranked first whose area is at least minKm2 and whose centroid lies inside it (a ragged
   * or many-part weak spot's centroid can fall on covered land, far from any of its cells).
   */
  async topGap(minKm2: number): Promise<GapProperties> {
    const gaps = await this.page.evaluate(() => window.__e2e!.state().coverageGaps?.features ?? []);
    const gap = gaps.find(
      (candidate) =>
        candidate.properties.areaKm2 >= minKm2 &&
        booleanPointInPolygon(candidate.properties.centroid, candidate.geometry),
    );
    if (!gap) throw new Error(`no weak spot of ${minKm2} km² or more`);
    return gap.properties;
  }

  /** A point inside a weak spot, the nearest to (lon, lat) on a 25 m lattice within 600 m of it. */
  async pointInGap(gapId: number, lon: number, lat: number): Promise<[number, number]> {
    const geometry = await this.page.evaluate(
      (id) => window.__e2e!.state().coverageGaps?.features.find((gap) => gap.properties.id === id)?.geometry,
      gapId,
    );
    if (!geometry) throw new Error(`weak spot ${gapId} not shown`);
    const step = 25 / 111_195;
    const lonStep = step / Math.cos((lat * Math.PI) / 180);
    let best: [number, number] | null = null;
    for (let ring = 0; ring <= 24 && !best; ring++) {
      for (let i = -ring; i <= ring && !best; i++) {
        for (let j = -ring; j <= ring && !best; j++) {
          if (Math.max(Math.abs(i), Math.abs(j)) !== ring) continue;
          const point: [number, number] = [lon + i * lonStep, lat + j * step];
          if (booleanPointInPolygon(point, geometry)) best = point;
        }
      }
    }
    if (!best) throw new Error(`no point of weak spot ${gapId} near (${lon}, ${lat})`);
    return best;
  }

  /** Moves the map through the URL hash (as a shared link would) and waits for it to settle. */
  async goTo(zoom: number, longitude: number, latitude: number): Promise<void> {
    await this.page.evaluate((hash) => {
      window.location.hash = hash;
    }, `#map=${zoom}/${latitude}/${longitude}&layers=districts,sites`);
    await this.planner.waitUntilReady();
  }

  /** The page pixel of a WGS84 point on the map. */
  async pagePixel(longitude: number, latitude: number): Promise<{ x: number; y: number }> {
    const point = await this.page.evaluate(([lon, lat]) => window.__e2e!.project(lon, lat), [
      longitude,
      latitude,
    ] as const);
    const box = await this.planner.mapCanvas().boundingBox();
    if (!box) throw new Error('map canvas not visible');
    // A point under the side panel would click the panel, not the map: say so rather than mis-draw.
    const panel = await this.page.getByTestId('suggest-panel').boundingBox();
    const x = box.x + point.x;
    const y = box.y + point.y;
    if (
      point.x < 0 ||
      point.y < 0 ||
      point.x > box.width ||
      point.y > box.height ||
      (panel && x >= panel.x)
    ) {
      throw new Error(`(${longitude}, ${latitude}) is not on the visible map`);
    }
    return { x, y };
  }

  /** Starts drawing with the panel's button; the how-to hint shows. */
  async startDrawing(): Promise<void> {
    await this.page.getByTestId('suggest-draw-area').click();
    await expect(this.page.getByTestId('suggest-draw-hint')).toBeVisible();
  }

  /** Draws an area as a planner does: a click per corner, a double-click on the last one. */
  async drawArea(corners: readonly [number, number][]): Promise<void> {
    await this.startDrawing();
    for (const [index, [lon, lat]] of corners.entries()) {
      const { x, y } = await this.pagePixel(lon, lat);
      if (index < corners.length - 1) await this.page.mouse.click(x, y);
      else await this.page.mouse.dblclick(x, y);
    }
    await expect(this.page.getByTestId('suggest-draw-hint')).toBeHidden();
  }

  /** Draws an area closing it on its first corner instead, as the hint also offers. */
  async drawAreaClosingOnFirst(corners: readonly [number, number][]): Promise<void> {
    await this.startDrawing();
    for (const [lon, lat] of [...corners, corners[0]!]) {
      const { x, y } = await this.pagePixel(lon, lat);
      await this.page.mouse.click(x, y);
    }
    await expect(this.page.getByTestId('suggest-draw-hint')).toBeHidden();
  }

  /** The grid count the panel shows under the drawn areas. */
  async gridCount(): Promise<number> {
    const text = await this.page.getByTestId('suggest-grid-count').innerText();
    return Number(text.replace(/[^\d]/g, ''));
  }

  /** Clicks run and waits for the ranked list. */
  async run(): Promise<SuggestResult> {
    await this.page.getByTestId('suggest-run').click();
    await expect(this.page.getByTestId('suggest-results')).toBeVisible({ timeout: 90_000 });
    return (await this.page.evaluate(() => window.__e2e!.suggest!.result()))!;
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
      () => window.__e2e!.state().session?.scenario.addedSites.map((site) => site.properties) ?? [],
    );
  }
}
