/**
 * The calibration panel: importing a measurement file, the comparison's report and residual dots, and
 * the calibration the open scenario applies. The scenario holds the measurements and the calibration
 * (they are saved and undoable through editScenario); this slice holds only what is shown about them.
 * app/features/calibration.ts installs the services that import, compare, apply and remove.
 */
import type { CalibrationReport } from '../domain/calibration/calibration-report';
import type { EnvironmentCorrection } from '../domain/calibration/corrections';
import type { ResidualDots } from '../domain/calibration/residual-dots';
import type { CoverageSettings } from '../domain/coverage/settings';
import type {
  CoordinateSystem,
  ImportFailure,
  ImportWarning,
  RejectedRow,
} from '../domain/import/import-types';
import type { Slice } from './slices';

export type CalibrationStatus = 'idle' | 'importing' | 'comparing' | 'ready' | 'error';

/** What the last measurement import did. */
export interface MeasurementImportSummary {
  fileName: string;
  total: number;
  imported: number;
  rejected: RejectedRow[];
  warnings: ImportWarning[];
  /** Set when the whole file could not be read. */
  failure?: ImportFailure;
}

/** The comparison shown, with its residual dots (typed arrays the map's WebGL layer draws). */
export interface CalibrationView {
  report: CalibrationReport;
  residuals: ResidualDots;
  /** Samples with no site in range, across the sets. */
  farFromSites: number;
  /** The first of them with their set's name, row and reason. */
  farRows: ({ setName: string } & RejectedRow)[];
  unmatchedIds: number;
}

export interface CalibrationServices {
  importFile(file: File): void;
  cancel(): void;
  /** Applies the shown fit as the scenario's calibration (one undo step). */
  apply(): void;
  /** Removes the scenario's calibration: the plain model again (one undo step). */
  remove(): void;
  /** Drops a measurement set from the scenario (one undo step). */
  deleteSet(id: string): void;
}

export interface CalibrationSlice {
  calibrationStatus: CalibrationStatus;
  calibrationProgress: number;
  calibrationView: CalibrationView | null;
  calibrationImport: MeasurementImportSummary | null;
  calibrationError: string | null;
  calibrationServices: CalibrationServices | null;
  /** Datum of the next measurement file (drive-test tools on Amap write GCJ-02). */
  calibrationCrs: CoordinateSystem;
  setCalibrationCrs: (crs: CoordinateSystem) => void;
  setCalibrationServices: (services: CalibrationServices) => void;
  setCalibrationProgress: (status: CalibrationStatus, fraction: number) => void;
  setCalibrationView: (view: CalibrationView | null) => void;
  setCalibrationImport: (summary: MeasurementImportSummary | null) => void;
  failCalibration: (message: string) => void;
}

export const createCalibrationSlice: Slice<CalibrationSlice> = (set) => ({
  calibrationStatus: 'idle',
  calibrationProgress: 0,
  calibrationView: null,
  calibrationImport: null,
  calibrationError: null,
  calibrationServices: null,
  calibrationCrs: 'wgs84',
  setCalibrationCrs: (crs) => set({ calibrationCrs: crs }),
  setCalibrationServices: (services) => set({ calibrationServices: services }),
  setCalibrationProgress: (status, fraction) =>
    set({ calibrationStatus: status, calibrationProgress: fraction, calibrationError: null }),
  setCalibrationView: (view) => set({ calibrationView: view, calibrationStatus: view ? 'ready' : 'idle' }),
  setCalibrationImport: (summary) => set({ calibrationImport: summary }),
  failCalibration: (message) => set({ calibrationStatus: 'error', calibrationError: message }),
});

const NO_CORRECTIONS: readonly EnvironmentCorrection[] = [];

/** The corrections the open scenario applies (none without a calibration). */
export function scenarioCorrections(state: {
  session: { scenario: { calibration: { corrections: readonly EnvironmentCorrection[] } | null } } | null;
}): readonly EnvironmentCorrection[] {
  return state.session?.scenario.calibration?.corrections ?? NO_CORRECTIONS;
}

const withCorrections = new WeakMap<
  CoverageSettings,
  WeakMap<readonly EnvironmentCorrection[], CoverageSettings>
>();

/**
 * The settings the engine computes with: the user's coverage settings plus the open scenario's
 * calibration (path-loss mode; radius mode has no path loss to correct). The same object comes back for
 * the same inputs, so the coverage scheduler can compare settings by identity.
 */
export function effectiveCoverageSettings(state: {
  coverageSettings: CoverageSettings;
  session: { scenario: { calibration: { corrections: readonly EnvironmentCorrection[] } | null } } | null;
}): CoverageSettings {
  const settings = state.coverageSettings;
  const corrections = scenarioCorrections(state);
  if (settings.mode !== 'pathloss' || (corrections.length === 0 && settings.corrections.length === 0))
    return settings;
  let byCorrections = withCorrections.get(settings);
  if (!byCorrections) {
    byCorrections = new WeakMap();
    withCorrections.set(settings, byCorrections);
  }
  let effective = byCorrections.get(corrections);
  if (!effective) {
    effective = { ...settings, corrections };
    byCorrections.set(corrections, effective);
  }
  return effective;
}
