/**
 * Typed slices of the app store. Each slice owns its fields and the actions that change them;
 * the combined store (store.ts) adds middleware once.
 */

import type { StateCreator } from 'zustand/vanilla';
import type { Language } from '../domain/i18n/translate';
import {
  DATA_SOURCE_IDS,
  type DataSourceId,
  LAYER_CATALOGUE,
  type LayerId,
} from '../domain/layers/catalogue';
import type { FeatureSelection, MapView } from '../domain/layers/map-view';
import type { CalibrationSlice } from './calibration-slice';
import type { CoverageSlice } from './coverage-slice';
import type { DistrictSlice } from './district-slice';
import type { ImportSlice } from './import-slice';
import type { PlannerSlice } from './planner-slice';
import type { SampleSlice } from './sample-slice';
import type { SaveSlice } from './save-slice';
import type { ScenarioSlice } from './scenario-slice';
import type { StorySlice } from './story-slice';
import type { SuggestSlice } from './suggest-slice';
import type { TeamSlice } from './team-slice';

export type { MapView } from '../domain/layers/map-view';
export type Selection = FeatureSelection;

export type DataStatus = 'idle' | 'loading' | 'loaded' | 'error';

export interface UiSlice {
  language: Language;
  setLanguage: (language: Language) => void;
  /** The side panel's open tab (a feature's tab id), or null when the panel is collapsed. */
  activePanelTab: string | null;
  setActivePanelTab: (tabId: string | null) => void;
}

export interface LayersSlice {
  visibleLayers: Record<LayerId, boolean>;
  setLayerVisible: (id: LayerId, visible: boolean) => void;
  toggleLayer: (id: LayerId) => void;
  /** Shows exactly these layers and hides the rest (used when opening a link). */
  showOnlyLayers: (ids: readonly LayerId[]) => void;
}

export interface ViewSlice {
  view: MapView | null;
  setView: (view: MapView) => void;
}

export interface SelectionSlice {
  selection: Selection | null;
  select: (selection: Selection) => void;
  clearSelection: () => void;
}

export interface DataSlice {
  dataStatus: Record<DataSourceId, DataStatus>;
  mapIdle: boolean;
  setDataStatus: (id: DataSourceId, status: DataStatus) => void;
  setMapIdle: (idle: boolean) => void;
}

export type AppState = UiSlice &
  LayersSlice &
  ViewSlice &
  SelectionSlice &
  DataSlice &
  ScenarioSlice &
  CoverageSlice &
  PlannerSlice &
  DistrictSlice &
  StorySlice &
  SuggestSlice &
  ImportSlice &
  SaveSlice &
  CalibrationSlice &
  SampleSlice &
  TeamSlice;

export type Slice<T> = StateCreator<AppState, [['zustand/subscribeWithSelector', never]], [], T>;

/** Visibility of every layer as the catalogue declares it by default. */
export function defaultVisibleLayers(): Record<LayerId, boolean> {
  return Object.fromEntries(LAYER_CATALOGUE.map((layer) => [layer.id, layer.defaultVisible])) as Record<
    LayerId,
    boolean
  >;
}

export const createUiSlice: Slice<UiSlice> = (set) => ({
  language: 'zh',
  setLanguage: (language) => set({ language }),
  activePanelTab: null,
  setActivePanelTab: (activePanelTab) => set({ activePanelTab }),
});

export const createLayersSlice: Slice<LayersSlice> = (set) => ({
  visibleLayers: defaultVisibleLayers(),
  setLayerVisible: (id, visible) =>
    set((state) => ({ visibleLayers: { ...state.visibleLayers, [id]: visible } })),
  toggleLayer: (id) =>
    set((state) => ({ visibleLayers: { ...state.visibleLayers, [id]: !state.visibleLayers[id] } })),
  showOnlyLayers: (ids) =>
    set({
      visibleLayers: Object.fromEntries(
        LAYER_CATALOGUE.map((layer) => [layer.id, ids.includes(layer.id)]),
      ) as Record<LayerId, boolean>,
    }),
});

export const createViewSlice: Slice<ViewSlice> = (set) => ({
  view: null,
  setView: (view) => set({ view }),
});

export const createSelectionSlice: Slice<SelectionSlice> = (set) => ({
  selection: null,
  select: (selection) => set({ selection }),
  clearSelection: () => set({ selection: null }),
});

export const createDataSlice: Slice<DataSlice> = (set) => ({
  dataStatus: Object.fromEntries(DATA_SOURCE_IDS.map((id) => [id, 'idle'])) as Record<
    DataSourceId,
    DataStatus
  >,
  mapIdle: false,
  setDataStatus: (id, status) => set((state) => ({ dataStatus: { ...state.dataStatus, [id]: status } })),
  setMapIdle: (mapIdle) => set({ mapIdle }),
});
