/**
 * Import actions for the specs: drop a file's bytes on the map as a real DataTransfer, work the
 * dialog (mapping, target, datum, import, cancel) and read the open scenario back.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
// Types only: the app's window.__e2e.import augmentation.
import type {} from '../../../src/app/import-test-hook';
import type { PlannerDriver } from '../driver';
import { expect } from '../driver';

const FIXTURES = path.resolve('tests/fixtures/import');

export interface AddedSite {
  id: string;
  coordinates: number[];
  status?: string;
  name?: string;
}

export class ImportWorkflow {
  constructor(readonly planner: PlannerDriver) {}

  get page() {
    return this.planner.page;
  }

  dialog() {
    return this.page.getByRole('dialog');
  }

  /** Opens the app and waits until a scenario is open (imports go into it). */
  async open(): Promise<void> {
    await this.planner.open();
    await this.page.waitForFunction(() => window.__e2e?.state().session != null);
  }

  fixture(name: string): Promise<Buffer> {
    return readFile(path.join(FIXTURES, name));
  }

  /** Starts dragging a file over the map (dragenter + dragover), as the browser does. */
  async dragOver(): Promise<void> {
    await this.page.evaluate(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['x'], 'drag.csv', { type: 'text/csv' }));
      const target = document.querySelector('#map canvas.maplibregl-canvas')!;
      for (const type of ['dragenter', 'dragover']) {
        target.dispatchEvent(
          new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }),
        );
      }
    });
  }

  /** Drops a file with these bytes on the map canvas (dragenter, dragover, drop). */
  dropFile(name: string, bytes: Buffer | Uint8Array): Promise<void> {
    return this.dropFiles([{ name, bytes }]);
  }

  /** Drops several files at once on the map canvas, as one drag from a file manager. */
  async dropFiles(files: readonly { name: string; bytes: Buffer | Uint8Array }[]): Promise<void> {
    await this.page.evaluate(
      (encoded) => {
        const transfer = new DataTransfer();
        for (const { fileName, base64 } of encoded) {
          const binary = atob(base64);
          const array = Uint8Array.from(binary, (character) => character.charCodeAt(0));
          transfer.items.add(new File([array], fileName));
        }
        const target = document.querySelector('#map canvas.maplibregl-canvas')!;
        for (const type of ['dragenter', 'dragover', 'drop']) {
          target.dispatchEvent(
            new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }),
          );
        }
      },
      files.map(({ name, bytes }) => ({ fileName: name, base64: Buffer.from(bytes).toString('base64') })),
    );
  }

  /** Waits for the dialog's dry run for the current choices. */
  async settled(): Promise<void> {
    await this.page.evaluate(() => window.__e2e!.import!.whenSettled());
  }

  async chooseCrs(label: RegExp): Promise<void> {
    await this.dialog().getByRole('radio', { name: label }).check();
    await this.settled();
  }

  /** Picks the column for a field by the column's header text. */
  async mapField(fieldLabel: RegExp, columnHeader: string): Promise<void> {
    await this.dialog().getByLabel(fieldLabel).selectOption({ label: columnHeader });
    await this.settled();
  }

  importButton() {
    return this.dialog().getByRole('button', { name: /^(导入 [\d,]+ (个站点|根综合杆)|Import [\d,]+)/ });
  }

  addedSites(): Promise<AddedSite[]> {
    return this.page.evaluate(() =>
      (window.__e2e!.state().session?.scenario.addedSites ?? []).map((site) => ({
        id: site.properties.id,
        coordinates: [...site.geometry.coordinates],
        status: site.properties.status,
        name: site.properties.name,
      })),
    );
  }

  undoSteps(): Promise<number> {
    return this.page.evaluate(() => window.__e2e!.state().session?.undoStack.length ?? 0);
  }

  /** Map layers that render a feature with this id within a few pixels of the point. */
  async renderedLayersOf(id: string, longitude: number, latitude: number): Promise<string[]> {
    await this.planner.waitUntilReady();
    const found = await this.page.evaluate(([lon, lat]) => window.__e2e!.import!.renderedAt(lon, lat, 6), [
      longitude,
      latitude,
    ] as const);
    return found.filter((feature) => feature.id === id).map((feature) => feature.layer);
  }

  async expectDialogClosed(): Promise<void> {
    await expect(this.dialog()).toHaveCount(0);
  }
}
