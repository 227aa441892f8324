/**
 * PNG export wiring, the one door for every PNG of the map (toolbar and story mode): on each request
 * from the store, composes a 16:9 slide of the map as shown (png-slide-content.ts says what is on it),
 * downloads it and reports the size. End-to-end builds keep the last slide's drawn texts on
 * window.__e2e.png so tests can check the legend and labels are there.
 */

import type { AppMap } from '../map/app-map';
import { type DrawnText, downloadBlob, exportMapPng } from '../map/export-png';
import type { AppStore } from '../state/store';
import { slideContent } from './png-slide-content';

export interface PngTestHook {
  /** Texts drawn over the map on the last exported slide (output pixels), null before any export. */
  lastTexts: () => DrawnText[] | null;
}

declare module './test-hooks' {
  interface AppTestHook {
    png?: PngTestHook;
  }
}

/** A file name from the slide's title and date: no characters that file systems refuse. */
export function slideFileName(title: string, isoDate: string): string {
  return `${title.replace(/[\\/:*?"<>|\s]+/g, '-')}-${isoDate}.png`;
}

/** Follows store.pngExportRequest; returns the disposer. */
export function wirePngExport(store: AppStore, map: AppMap): () => void {
  let lastTexts: DrawnText[] | null = null;
  if (import.meta.env.MODE === 'e2e' && window.__e2e) window.__e2e.png = { lastTexts: () => lastTexts };
  return store.subscribe(
    (state) => state.pngExportRequest,
    async () => {
      try {
        const now = new Date();
        const state = store.getState();
        const content = slideContent(state, now);
        const result = await exportMapPng(map.mapLibre, { ...content, scale: state.pngExportScale });
        lastTexts = result.texts;
        downloadBlob(result.blob, slideFileName(content.title, now.toISOString().slice(0, 10)));
        store.getState().setPngExportStatus('done', { width: result.width, height: result.height });
      } catch (error) {
        console.warn('PNG export failed:', error instanceof Error ? error.message : error);
        store.getState().setPngExportStatus('error');
      }
    },
  );
}
