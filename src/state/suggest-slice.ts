/**
 * The site-suggestion panel: the planner's choices (area, candidates, template, budget, spacing), the
 * run's progress, the ranked result and which picks are ticked. The work runs in the coverage worker;
 * app/features/suggest.ts installs the services that start, cancel, accept and discard it.
 */

// Types only: the outline check (Turf) stays out of the first-load store; the caller runs it.
import type { DrawnArea, DrawnOutlineCheck } from '../domain/suggest/candidate-sources';
import type { SuggestProgress, SuggestResult } from '../domain/suggest/suggest';
import type { SelectionMethod } from '../domain/suggest/types';
import type { Band, SiteKind } from '../domain/types';
import type { Slice } from './slices';

export type SuggestAreaKind = 'city' | 'district' | 'zone' | 'gaps';

export interface SuggestForm {
  areaKind: SuggestAreaKind;
  /** District adcode when areaKind is 'district'. */
  adcode: string;
  /** Plan-zone id (new town, wing, key area) when areaKind is 'zone'. */
  zoneId: string;
  /** Weak-spot ids when areaKind is 'gaps'. */
  gapIds: number[];
  usePoles: boolean;
  /** A grid of positions inside the drawn candidate areas. */
  usePolygonGrid: boolean;
  /** The grid spacing as typed, metres (checked with checkGridSpacing). */
  gridSpacingText: string;
  usePlannerCandidates: boolean;
  kind: SiteKind;
  band: Band;
  heightM: number;
  /** Total transmit power, dBm; null = the kind's default. */
  powerDbm: number | null;
  budgetKind: 'count' | 'target';
  count: number;
  /** Coverage of the area's land to reach, percent. */
  targetPercent: number;
  minSpacingM: number;
  spacingFromExistingSites: boolean;
  method: Extract<SelectionMethod, 'lazy-greedy' | 'exact'>;
}

export type SuggestStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** Actions that need the worker, the map or the scenario; installed by app/features/suggest.ts. */
export interface SuggestServices {
  run(): void;
  cancel(): void;
  /** Adds these picks (by candidate id) to the scenario as candidate sites, one undo step. */
  accept(ids: readonly string[]): void;
  discard(): void;
  flyTo(id: string): void;
}

export interface SuggestSlice {
  suggestForm: SuggestForm;
  suggestStatus: SuggestStatus;
  suggestProgress: SuggestProgress | null;
  suggestResult: SuggestResult | null;
  suggestError: string | null;
  /** Picks ticked for "accept selected". */
  suggestChecked: string[];
  /** How many sites the last accept added (for the confirmation line). */
  suggestAcceptedCount: number | null;
  suggestServices: SuggestServices | null;
  /** Candidate areas drawn on the map, in drawing order. */
  suggestAreas: DrawnArea[];
  /** The map is taking a candidate area's outline (other map tools stand aside). */
  suggestDrawing: boolean;
  /** Candidate positions the form's choice puts in its area (null while counting or unknown). */
  suggestCandidateCount: number | null;
  /** Why the last outline was refused, until the next drawing starts. */
  suggestDrawRefusal: Exclude<DrawnOutlineCheck, 'ok'> | null;
  setSuggestForm: (patch: Partial<SuggestForm>) => void;
  setSuggestRunning: (progress: SuggestProgress | null) => void;
  setSuggestResult: (result: SuggestResult) => void;
  setSuggestFailed: (status: 'cancelled' | 'error', message?: string) => void;
  toggleSuggestChecked: (id: string) => void;
  clearSuggestResult: (acceptedCount?: number) => void;
  setSuggestServices: (services: SuggestServices) => void;
  setSuggestDrawing: (drawing: boolean) => void;
  setSuggestCandidateCount: (count: number | null) => void;
  /**
   * Ends drawing with this outline and its checkDrawnOutline result: kept as a new area when 'ok',
   * otherwise refused with the reason.
   */
  finishSuggestArea: (corners: [number, number][], check: DrawnOutlineCheck) => void;
  removeSuggestArea: (id: string) => void;
  clearSuggestAreas: () => void;
  /** Puts back the areas stored with the open scenario. */
  setSuggestAreas: (areas: DrawnArea[]) => void;
}

/** The defaults a planner starts from: 5 pole micro sites (n78, 10 m) in the whole city. */
export function defaultSuggestForm(): SuggestForm {
  return {
    areaKind: 'city',
    adcode: '',
    zoneId: '',
    gapIds: [],
    usePoles: true,
    usePolygonGrid: false,
    gridSpacingText: '100',
    usePlannerCandidates: false,
    kind: 'micro',
    band: 'n78',
    heightM: 10,
    powerDbm: null,
    budgetKind: 'count',
    count: 5,
    targetPercent: 95,
    minSpacingM: 200,
    spacingFromExistingSites: false,
    method: 'lazy-greedy',
  };
}

export const createSuggestSlice: Slice<SuggestSlice> = (set, get) => ({
  suggestForm: defaultSuggestForm(),
  suggestStatus: 'idle',
  suggestProgress: null,
  suggestResult: null,
  suggestError: null,
  suggestChecked: [],
  suggestAcceptedCount: null,
  suggestServices: null,
  suggestAreas: [],
  suggestDrawing: false,
  suggestDrawRefusal: null,
  suggestCandidateCount: null,
  setSuggestForm: (patch) => set((state) => ({ suggestForm: { ...state.suggestForm, ...patch } })),
  setSuggestRunning: (suggestProgress) =>
    set({ suggestStatus: 'running', suggestProgress, suggestError: null, suggestAcceptedCount: null }),
  setSuggestResult: (suggestResult) =>
    set({
      suggestStatus: 'done',
      suggestResult,
      suggestProgress: null,
      suggestChecked: suggestResult.picks.map((pick) => pick.id),
    }),
  setSuggestFailed: (suggestStatus, message) =>
    set({ suggestStatus, suggestError: message ?? null, suggestProgress: null }),
  toggleSuggestChecked: (id) =>
    set((state) => ({
      suggestChecked: state.suggestChecked.includes(id)
        ? state.suggestChecked.filter((checked) => checked !== id)
        : [...state.suggestChecked, id],
    })),
  clearSuggestResult: (acceptedCount) =>
    set({
      suggestStatus: 'idle',
      suggestResult: null,
      suggestChecked: [],
      suggestAcceptedCount: acceptedCount ?? null,
    }),
  setSuggestServices: (suggestServices) => set({ suggestServices }),
  setSuggestDrawing: (suggestDrawing) =>
    set(suggestDrawing ? { suggestDrawing, suggestDrawRefusal: null } : { suggestDrawing }),
  setSuggestCandidateCount: (suggestCandidateCount) => set({ suggestCandidateCount }),
  finishSuggestArea: (corners, check) => {
    if (check !== 'ok') {
      set({ suggestDrawing: false, suggestDrawRefusal: check });
      return;
    }
    const areas = get().suggestAreas;
    const number = Math.max(0, ...areas.map((area) => Number(area.id.slice(1)) || 0)) + 1;
    set({
      suggestDrawing: false,
      suggestDrawRefusal: null,
      suggestAreas: [...areas, { id: `A${number}`, corners }],
      // Drawing an area says the planner wants its grid as candidates.
      suggestForm: { ...get().suggestForm, usePolygonGrid: true },
    });
  },
  removeSuggestArea: (id) => set({ suggestAreas: get().suggestAreas.filter((area) => area.id !== id) }),
  clearSuggestAreas: () => set({ suggestAreas: [] }),
  setSuggestAreas: (suggestAreas) => set({ suggestAreas }),
});
