/**
 * The district view: which district or plan zone is open, its report model (computed by
 * app/features/district.ts from the engine's results and the loaded layers), the highlighted weak spot,
 * and the printable report's state. Panel and report render the same `districtReport`.
 */
import type { AreaKind, AreaReport, ReportTarget } from '../domain/report/area-report';
import type { Slice } from './slices';

/** One entry of the district picker. */
export interface DistrictChoice {
  target: ReportTarget;
  kind: AreaKind;
  name: string;
  nameEn: string;
}

export type DistrictReportStatus = 'closed' | 'preparing' | 'open';

/** What the printable report's map image holds besides the map. */
export interface DistrictReportMap {
  /** Length of the scale bar drawn on the image, metres. */
  scaleBarM: number;
  /** Weak-spot ranks numbered on the image (those inside the view). */
  drawnRanks: readonly number[];
}

export interface DistrictSlice {
  districtChoices: readonly DistrictChoice[];
  districtTarget: ReportTarget | null;
  districtReport: AreaReport | null;
  highlightedGapId: number | null;
  districtReportStatus: DistrictReportStatus;
  /** PNG data URL of the fitted map view for the printable report. */
  districtReportImage: string | null;
  districtReportDateIso: string | null;
  districtReportMap: DistrictReportMap | null;
  /** The report model the image was numbered from: the printed page shows this one, not a later edit's. */
  districtReportSnapshot: AreaReport | null;
  setDistrictChoices: (choices: readonly DistrictChoice[]) => void;
  setDistrictTarget: (target: ReportTarget | null) => void;
  setDistrictReport: (report: AreaReport | null) => void;
  setHighlightedGap: (gapId: number | null) => void;
  /** Asks the wiring to fit the map, capture it and open the printable report. */
  requestDistrictReport: () => void;
  openDistrictReport: (
    imageDataUrl: string | null,
    dateIso: string,
    map?: DistrictReportMap | null,
    snapshot?: AreaReport | null,
  ) => void;
  closeDistrictReport: () => void;
}

/** True when two targets name the same district or zone. */
export function sameTarget(a: ReportTarget | null, b: ReportTarget | null): boolean {
  if (!a || !b) return a === b;
  if (a.kind === 'district' && b.kind === 'district') return a.adcode === b.adcode;
  if (a.kind === 'zone' && b.kind === 'zone') return a.id === b.id;
  return false;
}

export const createDistrictSlice: Slice<DistrictSlice> = (set) => ({
  districtChoices: [],
  districtTarget: null,
  districtReport: null,
  highlightedGapId: null,
  districtReportStatus: 'closed',
  districtReportImage: null,
  districtReportDateIso: null,
  districtReportMap: null,
  districtReportSnapshot: null,
  setDistrictChoices: (districtChoices) => set({ districtChoices }),
  setDistrictTarget: (districtTarget) =>
    set((state) =>
      sameTarget(state.districtTarget, districtTarget)
        ? {}
        : { districtTarget, districtReport: null, highlightedGapId: null, districtReportStatus: 'closed' },
    ),
  setDistrictReport: (districtReport) => set({ districtReport }),
  setHighlightedGap: (highlightedGapId) => set({ highlightedGapId }),
  requestDistrictReport: () => set({ districtReportStatus: 'preparing' }),
  openDistrictReport: (districtReportImage, districtReportDateIso, map = null, snapshot = null) =>
    set({
      districtReportStatus: 'open',
      districtReportImage,
      districtReportDateIso,
      districtReportMap: map,
      districtReportSnapshot: snapshot,
    }),
  closeDistrictReport: () =>
    set({
      districtReportStatus: 'closed',
      districtReportImage: null,
      districtReportMap: null,
      districtReportSnapshot: null,
    }),
});
