/**
 * The one file that talks to Playwright. Specs speak the user's language through this driver:
 * open the app, toggle a layer, click a district, switch language — and read what the map renders
 * through the app's window.__e2e hook (no sleeps: it waits for the map's own idle).
 */
import { test as base, type ConsoleMessage, expect, type Page } from '@playwright/test';

// Types only, erased at run time: the app's window.__e2e declaration and its layer ids.
import type {} from '../../src/app/test-hooks';
import type { LayerId } from '../../src/domain/layers/catalogue';

export { expect };

/** Console messages that are not app errors: SwiftShader's readPixels stall notes. */
const BENIGN_CONSOLE = /GPU stall due to ReadPixels|GL Driver Message/i;
/** The app's own origin before the first page load (the same port as playwright.config.ts). */
const APP_ORIGIN = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4173)}`;

/** One `securitypolicyviolation` event, as the page saw it. */
export interface PolicyViolation {
  directive: string;
  blockedUri: string;
  source: string;
  sample: string;
}

export class PlannerDriver {
  readonly consoleErrors: string[] = [];
  readonly foreignRequests: string[] = [];
  readonly requests: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error' && !BENIGN_CONSOLE.test(message.text())) {
        this.consoleErrors.push(message.text());
      }
    });
    page.on('pageerror', (error) => this.consoleErrors.push(error.message));
    page.on('request', (request) => {
      const url = new URL(request.url());
      this.requests.push(request.url());
      if (['data:', 'blob:'].includes(url.protocol)) return;
      if (url.origin !== new URL(page.url() === 'about:blank' ? APP_ORIGIN : page.url()).origin) {
        this.foreignRequests.push(request.url());
      }
    });
  }

  /**
   * Records every Content-Security-Policy violation the page reports from now on (its
   * `securitypolicyviolation` events, from any document the page loads), into the returned array.
   */
  async recordPolicyViolations(): Promise<PolicyViolation[]> {
    const violations: PolicyViolation[] = [];
    await this.page.exposeFunction('__e2ePolicyViolation', (violation: PolicyViolation) => {
      violations.push(violation);
    });
    await this.page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { __e2ePolicyViolation: (violation: PolicyViolation) => void })
          .__e2ePolicyViolation;
        report({
          directive: event.effectiveDirective,
          blockedUri: event.blockedURI,
          source: `${event.sourceFile}:${event.lineNumber}`,
          sample: event.sample,
        });
      });
    });
    return violations;
  }

  /** Makes the server answer 404 for one data file (by its name before the content hash). */
  async breakDataFile(fileStem: string): Promise<void> {
    await this.page.route(new RegExp(`/assets/${fileStem}-[\\w-]+\\.geojson$`), (route) =>
      route.fulfill({ status: 404, body: 'not found' }),
    );
  }

  /** Opens the app (optionally with a hash) and waits until the map and its visible data are ready. */
  async open(hash = ''): Promise<void> {
    await this.page.goto(`/${hash}`);
    await this.waitUntilReady();
  }

  async waitUntilReady(): Promise<void> {
    await this.page.waitForFunction(() => window.__e2e !== undefined);
    await this.page.evaluate(() => window.__e2e!.whenReady());
  }

  renderedCount(layerId: LayerId): Promise<number> {
    return this.page.evaluate((id) => window.__e2e!.renderedFeatureCount(id), layerId);
  }

  layerCheckbox(labelText: string | RegExp) {
    return this.page.getByRole('checkbox', { name: labelText });
  }

  layerToggle(layerId: LayerId) {
    return this.page.locator(`[data-layer-id="${layerId}"] input[type="checkbox"]`);
  }

  /** Switches a layer with the keyboard (focus + Space), as a keyboard user would. */
  async toggleLayer(layerId: LayerId): Promise<void> {
    await this.layerToggle(layerId).focus();
    await this.page.keyboard.press('Space');
    await this.waitUntilReady();
  }

  /** Clicks the map at a WGS84 point. */
  async clickMapAt(longitude: number, latitude: number): Promise<void> {
    const point = await this.page.evaluate(([lon, lat]) => window.__e2e!.project(lon, lat), [
      longitude,
      latitude,
    ] as const);
    const box = await this.mapCanvas().boundingBox();
    if (!box) throw new Error('map canvas not visible');
    await this.page.mouse.click(box.x + point.x, box.y + point.y);
  }

  /** Drags the map by a pixel offset with the mouse, then waits for it to settle. */
  async panMap(dxPx: number, dyPx: number): Promise<void> {
    const box = await this.mapCanvas().boundingBox();
    if (!box) throw new Error('map canvas not visible');
    const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await this.page.mouse.move(start.x, start.y);
    await this.page.mouse.down();
    await this.page.mouse.move(start.x + dxPx, start.y + dyPx, { steps: 8 });
    await this.page.mouse.up();
    await this.waitUntilReady();
  }

  /** Clicks a rendered point of a layer: the one with `featureId`, or any one near the map centre. */
  async clickFeature(layerId: LayerId, featureId?: string): Promise<void> {
    const point = await this.page.evaluate(
      ([id, wanted]) => window.__e2e!.renderedPointNearCentre(id, wanted),
      [layerId, featureId] as const,
    );
    if (!point) throw new Error(`no rendered point of ${layerId} ${featureId ?? ''}`);
    const box = await this.mapCanvas().boundingBox();
    if (!box) throw new Error('map canvas not visible');
    await this.page.mouse.click(box.x + point.x, box.y + point.y);
  }

  /** Moves the mouse (no button) over a rendered point of a layer, or over a longitude/latitude. */
  async hover(target: { layerId: LayerId; featureId?: string } | { longitude: number; latitude: number }) {
    const point =
      'layerId' in target
        ? await this.page.evaluate(([id, wanted]) => window.__e2e!.renderedPointNearCentre(id, wanted), [
            target.layerId,
            target.featureId,
          ] as const)
        : await this.page.evaluate(([lon, lat]) => window.__e2e!.project(lon, lat), [
            target.longitude,
            target.latitude,
          ] as const);
    if (!point) throw new Error('nothing rendered to hover');
    const box = await this.mapCanvas().boundingBox();
    if (!box) throw new Error('map canvas not visible');
    // A point off the canvas would hover whatever lies beside the map (a panel), and prove nothing.
    if (point.x < 0 || point.y < 0 || point.x > box.width || point.y > box.height)
      throw new Error(`hover target at ${JSON.stringify(point)} is outside the map canvas`);
    await this.page.mouse.move(box.x + point.x, box.y + point.y, { steps: 2 });
  }

  /** The map canvas's CSS cursor. */
  mapCursor(): Promise<string> {
    return this.mapCanvas().evaluate((canvas) => (canvas as HTMLElement).style.cursor);
  }

  /** The label layer's text-field expression, as JSON text. */
  labelExpression(mapLayerId: string): Promise<string> {
    return this.page.evaluate((id) => JSON.stringify(window.__e2e!.labelExpression(id)), mapLayerId);
  }

  mapCanvas() {
    return this.page.locator('#map canvas.maplibregl-canvas');
  }

  popup() {
    return this.page.locator('.maplibregl-popup');
  }

  async mapPixels(): Promise<Buffer> {
    return this.mapCanvas().screenshot();
  }

  async switchLanguage(): Promise<void> {
    await this.page.locator('.language-switch').click();
    await this.waitUntilReady();
  }

  /** The URL hash once the throttled writer has caught up with the store. */
  async settledHash(): Promise<string> {
    let previous = '';
    await expect
      .poll(
        async () => {
          const current = await this.page.evaluate(() => window.location.hash);
          const settled = current === previous && current.includes('map=');
          previous = current;
          return settled;
        },
        { intervals: [300, 300, 300, 500] },
      )
      .toBe(true);
    return previous;
  }

  view() {
    return this.page.evaluate(() => window.__e2e!.state().view);
  }

  async saveScreenshot(name: string): Promise<string> {
    const path = test.info().outputPath(name);
    await this.page.screenshot({ path });
    await test.info().attach(name, { path, contentType: 'image/png' });
    return path;
  }
}

export const test = base.extend<{ planner: PlannerDriver }>({
  planner: async ({ page }, use) => {
    await use(new PlannerDriver(page));
  },
});
