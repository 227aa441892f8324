/**
 * Story (presentation) mode and PNG export. `story` is null outside presentation mode; the map
 * choreography in app/features/story.ts follows it. Zone figures (sites and facilities per plan zone)
 * are counted by the wiring from the loaded layers; coverage per zone comes from coverageStats.
 */

import type { ZoneFigures } from '../domain/report/zone-figures';
import {
  nextStoryPosition,
  previousStoryPosition,
  STORY_CHAPTERS,
  type StoryPosition,
} from '../domain/story/chapters';
import type { Slice } from './slices';

export { CITY_FIGURES_KEY } from '../domain/report/zone-figures';
export type { ZoneFigures };

export type PngExportStatus = 'idle' | 'exporting' | 'done' | 'error';

export interface StorySlice {
  story: StoryPosition | null;
  storyZoneFigures: Readonly<Record<string, ZoneFigures>>;
  /** Increments per export request; the wiring exports when it changes. */
  pngExportRequest: number;
  pngExportStatus: PngExportStatus;
  pngExportSize: { width: number; height: number } | null;
  /** Slide size chosen for the next export: 1 = 1920×1080, 2 = 3840×2160. */
  pngExportScale: 1 | 2;
  startStory: (chapter?: number) => void;
  leaveStory: () => void;
  nextStoryStep: () => void;
  previousStoryStep: () => void;
  goToStoryChapter: (chapter: number) => void;
  setStoryZoneFigures: (figures: Readonly<Record<string, ZoneFigures>>) => void;
  requestPngExport: () => void;
  setPngExportScale: (scale: 1 | 2) => void;
  setPngExportStatus: (status: PngExportStatus, size?: { width: number; height: number }) => void;
}

const clampChapter = (chapter: number) =>
  Math.max(0, Math.min(STORY_CHAPTERS.length - 1, Math.trunc(chapter)));

export const createStorySlice: Slice<StorySlice> = (set) => ({
  story: null,
  storyZoneFigures: {},
  pngExportRequest: 0,
  pngExportStatus: 'idle',
  pngExportSize: null,
  pngExportScale: 1,
  startStory: (chapter = 0) => set({ story: { chapter: clampChapter(chapter), step: 0 } }),
  leaveStory: () => set({ story: null }),
  nextStoryStep: () => set((state) => (state.story ? { story: nextStoryPosition(state.story) } : {})),
  previousStoryStep: () => set((state) => (state.story ? { story: previousStoryPosition(state.story) } : {})),
  goToStoryChapter: (chapter) =>
    set((state) => (state.story ? { story: { chapter: clampChapter(chapter), step: 0 } } : {})),
  setStoryZoneFigures: (storyZoneFigures) => set({ storyZoneFigures }),
  requestPngExport: () =>
    set((state) => ({ pngExportRequest: state.pngExportRequest + 1, pngExportStatus: 'exporting' })),
  setPngExportScale: (pngExportScale) => set({ pngExportScale }),
  setPngExportStatus: (pngExportStatus, size) => set({ pngExportStatus, pngExportSize: size ?? null }),
});
