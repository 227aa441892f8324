/**
 * The import dialog's state: which file is open, how far the worker got, the preview, the user's
 * choices (layer, datum, mapping, fixes), the latest dry-run result and the "N imported — Undo"
 * notice. What an import adds lives in the scenario (sites, existing sites, poles). Reading and building run in the
 * worker (services/import-controller.ts);
 * nothing here touches the scenario until the user presses Import.
 */
import type { ImportPreview } from '../domain/import/import-session';
import type {
  CoordinateSystem,
  ImportFailureCode,
  ImportLayer,
  ImportResult,
  MappingChoice,
} from '../domain/import/import-types';
import type { ImportSiteRole } from '../domain/scenario/import-into-scenario';
import type { Slice } from './slices';

/** idle: no dialog; reading: the worker reads the file; review: the dialog; failed: a whole-file error. */
export type ImportPhase = 'idle' | 'reading' | 'review' | 'failed';
/** What the user calls the sites; 'existing' ones extend the scenario's baseline (read-only, status existing). */
export type { ImportSiteRole };

/** A whole-file failure of the core, or one the dialog finds itself (several files dropped at once). */
export interface ImportDialogFailure {
  code: ImportFailureCode | 'multipleFiles';
  params?: Record<string, string | number>;
}

export interface ImportChoices {
  layer: ImportLayer;
  siteRole: ImportSiteRole;
  crs: CoordinateSystem;
  /** The user's overrides of the detected mapping (field → column, null = not in the file). */
  mapping: MappingChoice;
  allowOutsideShanghai: boolean;
  swapLatLon: boolean;
}

export interface ImportProgress {
  fraction: number;
  stage: 'read' | 'validate';
}

/** The notice after an import; `undo` says what Undo reverts. */
export interface ImportNotice {
  id: number;
  imported: number;
  rejected: number;
  layer: ImportLayer;
  undone: boolean;
}

/** Actions that need the worker, the map or the browser; installed by app/features/import.ts. */
export interface ImportServices {
  openFile(file: File): void;
  /**
   * Several files dropped at once: the loose parts of one shapefile are read as that shapefile;
   * anything else is explained and nothing is read.
   */
  openFiles(files: readonly File[]): void;
  /** Several files dropped at once that are not one shapefile: explained, nothing read. */
  rejectFiles(count: number): void;
  /** Stops the running read or build; during reading it also closes the dialog. */
  cancel(): void;
  /** Closes the dialog and forgets the read file (nothing changes). */
  close(): void;
  /** Adds the last dry run's valid rows to the scenario as one undoable step. */
  apply(): void;
  /** Reverts the import the notice is about. */
  undoLastImport(): void;
  downloadReport(): void;
  /** Downloads the parameter check's findings as CSV. */
  downloadCheck(): void;
}

export const DEFAULT_IMPORT_CHOICES: ImportChoices = {
  layer: 'sites',
  siteRole: 'candidate',
  crs: 'wgs84',
  mapping: {},
  allowOutsideShanghai: false,
  swapLatLon: false,
};

export interface ImportSlice {
  importPhase: ImportPhase;
  importFileName: string;
  importFileBytes: number;
  importProgress: ImportProgress | null;
  importPreview: ImportPreview | null;
  importSourceId: number | null;
  importChoices: ImportChoices;
  /** The dry run for the current choices; null while it runs. */
  importResult: ImportResult | null;
  importBuilding: boolean;
  importFailure: ImportDialogFailure | null;
  /** A file is dragged over the map. */
  importDropActive: boolean;
  importNotice: ImportNotice | null;
  importServices: ImportServices | null;

  beginImportRead: (fileName: string, fileBytes: number) => void;
  setImportProgress: (progress: ImportProgress | null) => void;
  showImportPreview: (sourceId: number, preview: ImportPreview) => void;
  failImport: (failure: ImportDialogFailure, fileName?: string) => void;
  setImportChoices: (patch: Partial<ImportChoices>) => void;
  setImportMapping: (mapping: MappingChoice) => void;
  setImportBuilding: (building: boolean) => void;
  setImportResult: (result: ImportResult | null) => void;
  closeImport: () => void;
  setImportDropActive: (active: boolean) => void;
  showImportNotice: (notice: ImportNotice | null) => void;
  setImportServices: (services: ImportServices) => void;
}

const closedDialog = {
  importPhase: 'idle',
  importFileName: '',
  importFileBytes: 0,
  importProgress: null,
  importPreview: null,
  importSourceId: null,
  importResult: null,
  importBuilding: false,
  importFailure: null,
} as const satisfies Partial<ImportSlice>;

export const createImportSlice: Slice<ImportSlice> = (set) => ({
  ...closedDialog,
  importChoices: DEFAULT_IMPORT_CHOICES,
  importDropActive: false,
  importNotice: null,
  importServices: null,

  beginImportRead: (importFileName, importFileBytes) =>
    set((state) => {
      // A new file starts from its own detection and fixes, but keeps the layer and datum last chosen.
      const { layer, siteRole, crs } = state.importChoices;
      return {
        ...closedDialog,
        importPhase: 'reading',
        importFileName,
        importFileBytes,
        importProgress: { fraction: 0, stage: 'read' },
        importChoices: { ...DEFAULT_IMPORT_CHOICES, layer, siteRole, crs },
      };
    }),
  setImportProgress: (importProgress) => set({ importProgress }),
  showImportPreview: (importSourceId, importPreview) =>
    set({ importPhase: 'review', importSourceId, importPreview, importProgress: null, importResult: null }),
  failImport: (importFailure, fileName) =>
    set((state) => ({
      ...closedDialog,
      importPhase: 'failed',
      importFailure,
      importFileName: fileName ?? state.importFileName,
    })),
  setImportChoices: (patch) =>
    set((state) => ({ importChoices: { ...state.importChoices, ...patch }, importResult: null })),
  setImportMapping: (mapping) =>
    set((state) => ({
      importChoices: { ...state.importChoices, mapping: { ...state.importChoices.mapping, ...mapping } },
      importResult: null,
    })),
  setImportBuilding: (importBuilding) => set({ importBuilding }),
  setImportResult: (importResult) => set({ importResult, importBuilding: false, importProgress: null }),
  closeImport: () => set({ ...closedDialog }),
  setImportDropActive: (importDropActive) => set({ importDropActive }),
  showImportNotice: (importNotice) => set({ importNotice }),
  setImportServices: (importServices) => set({ importServices }),
});
