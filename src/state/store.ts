/**
 * The app store: a vanilla zustand store (usable from app/ wiring without React) combined from
 * typed slices, with subscribeWithSelector so non-React code can follow one field.
 */
import { subscribeWithSelector } from 'zustand/middleware';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createCalibrationSlice } from './calibration-slice';
import { createCoverageSlice } from './coverage-slice';
import { createDistrictSlice } from './district-slice';
import { createImportSlice } from './import-slice';
import { createPlannerSlice } from './planner-slice';
import { createSampleSlice } from './sample-slice';
import { createSaveSlice } from './save-slice';
import { createScenarioSlice } from './scenario-slice';
import {
  type AppState,
  createDataSlice,
  createLayersSlice,
  createSelectionSlice,
  createUiSlice,
  createViewSlice,
} from './slices';
import { createStorySlice } from './story-slice';
import { createSuggestSlice } from './suggest-slice';
import { createTeamSlice } from './team-slice';

export type { AppState, DataStatus, MapView, Selection } from './slices';

export type AppStore = ReturnType<typeof createAppStore>;

/** A fresh store; the app makes one, tests make as many as they like. */
export function createAppStore(initial?: Partial<Pick<AppState, 'language' | 'visibleLayers' | 'view'>>) {
  const store = createStore<AppState>()(
    subscribeWithSelector((...args) => ({
      ...createUiSlice(...args),
      ...createLayersSlice(...args),
      ...createViewSlice(...args),
      ...createSelectionSlice(...args),
      ...createDataSlice(...args),
      ...createScenarioSlice(...args),
      ...createCoverageSlice(...args),
      ...createPlannerSlice(...args),
      ...createDistrictSlice(...args),
      ...createStorySlice(...args),
      ...createSuggestSlice(...args),
      ...createImportSlice(...args),
      ...createSaveSlice(...args),
      ...createCalibrationSlice(...args),
      ...createSampleSlice(...args),
      ...createTeamSlice(...args),
    })),
  );
  if (initial) store.setState(initial);
  return store;
}

export type AppStoreApi = StoreApi<AppState>;
