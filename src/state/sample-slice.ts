/**
 * Which sample network is the baseline (示意数据): the plan's 2020 picture or its 2025 scale. The app's
 * sample wiring generates the chosen year in a worker and makes it the baseline; the URL keeps the choice
 * (`&sample=2025`).
 */
import type { SampleYear } from '../domain/sample/calibration';
import type { Slice } from './slices';

export type SampleStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface LoadedSampleInfo {
  year: SampleYear;
  baseStations: number;
  sectors: number;
}

export interface SampleSlice {
  sampleYear: SampleYear;
  sampleStatus: SampleStatus;
  /** The sample that is the baseline now (null before the first one is ready). */
  loadedSample: LoadedSampleInfo | null;
  setSampleYear: (year: SampleYear) => void;
  setSampleStatus: (status: SampleStatus, loaded?: LoadedSampleInfo) => void;
}

export const createSampleSlice: Slice<SampleSlice> = (set) => ({
  sampleYear: 2020,
  sampleStatus: 'idle',
  loadedSample: null,
  setSampleYear: (sampleYear) => set({ sampleYear }),
  setSampleStatus: (sampleStatus, loaded) =>
    set(loaded ? { sampleStatus, loadedSample: loaded } : { sampleStatus }),
});
