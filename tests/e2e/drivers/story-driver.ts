/**
 * Story-mode and PNG export actions: present, press presenter keys, read the chapter on screen and the
 * layers shown, export the map as PNG and measure the file (size from the PNG header, pixel variance
 * by decoding it in the page).
 */
import { readFile } from 'node:fs/promises';
import type {} from '../../../src/app/png-export';
import type { DrawnText } from '../../../src/map/export-png';
import type { PlannerDriver } from '../driver';

export class StoryWorkflow {
  /** Path of the last downloaded PNG. */
  lastDownload: string | null = null;

  constructor(readonly planner: PlannerDriver) {}

  get page() {
    return this.planner.page;
  }

  overlay() {
    return this.page.getByTestId('story-overlay');
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  visibleLayers() {
    return this.page.evaluate(() => {
      const visible = window.__e2e!.state().visibleLayers;
      return Object.keys(visible)
        .filter((id) => visible[id as keyof typeof visible])
        .sort();
    });
  }

  position() {
    return this.page.evaluate(() => window.__e2e!.state().story);
  }

  /** Clicks Export PNG and returns the PNG's size (IHDR) and its luminance standard deviation. */
  async exportPng(
    label: string | RegExp,
  ): Promise<{ width: number; height: number; deviation: number; bytes: number }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: label }).click(),
    ]);
    this.lastDownload = await download.path();
    const buffer = await readFile(this.lastDownload);
    const width = buffer.readUInt32BE(16);
    const height = buffer.readUInt32BE(20);
    const deviation = await this.page.evaluate(async (base64) => {
      // Decoded from bytes, not fetched from a data: URL, which the page's connect-src refuses.
      const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      let sum = 0;
      let sumSquares = 0;
      let count = 0;
      for (let index = 0; index < data.length; index += 4 * 97) {
        const luminance = 0.2126 * data[index]! + 0.7152 * data[index + 1]! + 0.0722 * data[index + 2]!;
        sum += luminance;
        sumSquares += luminance * luminance;
        count++;
      }
      const mean = sum / count;
      return Math.sqrt(sumSquares / count - mean * mean);
    }, buffer.toString('base64'));
    return { width, height, deviation, bytes: buffer.length };
  }

  /**
   * Clicks Export PNG (toolbar or story mode) and returns the file's size and luminance deviation, the
   * texts the app drew on it (test hook) and, for each box asked for, what the decoded PNG holds there:
   * its mean luminance, the share of dark (text) pixels and the share near `colour`.
   */
  async exportSlide(
    label: string | RegExp,
    boxesFor: (texts: DrawnText[]) => { x: number; y: number; width: number; height: number }[],
    colour: readonly [number, number, number] = [0, 0, 0],
  ) {
    const png = await this.exportPng(label);
    const texts = await this.page.evaluate(() => window.__e2e!.png!.lastTexts()!);
    const boxes = boxesFor(texts);
    const path = this.lastDownload!;
    const base64 = (await readFile(path)).toString('base64');
    const regions = await this.page.evaluate(
      async ({ base64, boxes, colour }) => {
        const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        return boxes.map((box) => {
          const { data } = context.getImageData(
            box.x,
            box.y,
            Math.max(1, box.width),
            Math.max(1, box.height),
          );
          let luminance = 0;
          let dark = 0;
          let near = 0;
          const pixels = data.length / 4;
          for (let index = 0; index < data.length; index += 4) {
            const [r, g, b] = [data[index]!, data[index + 1]!, data[index + 2]!];
            const value = 0.2126 * r + 0.7152 * g + 0.0722 * b;
            luminance += value;
            if (value < 90) dark++;
            if (Math.abs(r - colour[0]) + Math.abs(g - colour[1]) + Math.abs(b - colour[2]) < 40) near++;
          }
          return { meanLuminance: luminance / pixels, darkShare: dark / pixels, colourShare: near / pixels };
        });
      },
      { base64, boxes, colour },
    );
    return { ...png, texts, regions };
  }

  mapCssSize() {
    return this.page.evaluate(() => {
      const canvas = document.querySelector('#map canvas.maplibregl-canvas') as HTMLCanvasElement;
      return { width: canvas.clientWidth, height: canvas.clientHeight };
    });
  }
}
