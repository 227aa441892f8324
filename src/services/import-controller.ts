/**
 * The import flow between the dialog, the import worker and the scenario: read a file in the
 * worker, dry-run the build again whenever the user changes a choice (the previous run is
 * cancelled), and apply only the last dry run's valid rows as ONE undoable step of the scenario
 * (candidates, existing sites or poles). A cancel, a failure or closing the dialog changes nothing.
 */

import type { FeatureCollection } from 'geojson';
import { looksLikeMeasurements } from '../domain/import/column-detection';
import { IMPORT_LIMITS } from '../domain/import/limits';
import { bundleShapefileParts, looksLikeShapefileParts } from '../domain/import/shapefile-parts';
import { importChange } from '../domain/scenario/import-into-scenario';
import type { ImportClient } from '../engine/import-client';
import type { ImportServices } from '../state/import-slice';
import type { AppState, AppStore } from '../state/store';
import { existingIdsFor, importedBounds, loadImportGeography } from './import-inputs';
import type { DataPort } from './ports';

/** Wait after a choice changes before the dry run restarts (a few quick clicks make one run). */
const REBUILD_DELAY_MS = 120;

/** The worker calls the controller makes (ImportClient fits as-is; tests pass a fake). */
export type ImportEnginePort = Pick<ImportClient, 'setGeography' | 'read' | 'build' | 'release' | 'cancel'>;

/** The store fields the import reads and the actions it drives (the app store fits as-is). */
export interface ImportStorePort {
  getState(): Pick<
    AppState,
    | 'baseline'
    | 'session'
    | 'importSourceId'
    | 'importChoices'
    | 'importPhase'
    | 'importResult'
    | 'importBuilding'
    | 'importNotice'
    | 'failImport'
    | 'beginImportRead'
    | 'setImportProgress'
    | 'closeImport'
    | 'showImportPreview'
    | 'setImportBuilding'
    | 'setImportResult'
    | 'editScenario'
    | 'setLayerVisible'
    | 'showImportNotice'
    | 'calibrationServices'
    | 'setActivePanelTab'
  >;
  subscribe: AppStore['subscribe'];
}

export interface ImportControllerPorts {
  store: ImportStorePort;
  data: DataPort;
  /** Starts the import worker on first use. */
  createClient: () => ImportEnginePort;
  /** Shows what was just imported (the map fits these bounds). */
  showImported: (bounds: [[number, number], [number, number]]) => void;
  /**
   * Shanghai's administrative boundary with its waters (no map source, so not in the data port):
   * "inside Shanghai" is tested against it, so coastal sites are kept. Without it, the districts.
   */
  loadBoundary?: () => Promise<FeatureCollection>;
}

export interface ImportController extends Omit<ImportServices, 'downloadReport' | 'downloadCheck'> {
  /** Resolves once the dialog has a dry-run result for the current choices (tests, benchmark). */
  whenSettled(): Promise<void>;
  /** Stops listening to the store and cancels any running work. */
  dispose(): void;
}

export function createImportController(ports: ImportControllerPorts): ImportController {
  const { store, data } = ports;
  const get = () => store.getState();
  let client: ImportEnginePort | null = null;
  let geographyReady: Promise<void> = Promise.resolve();
  /** Bumped by every new file, close and cancel: late answers of older requests are dropped. */
  let generation = 0;
  let buildToken = 0;
  let buildTimer: ReturnType<typeof setTimeout> | undefined;
  let idPrefix = 'import-';
  let lastApplied: { noticeId: number; undoEntry: unknown } | null = null;

  const ensureClient = (): ImportEnginePort => {
    if (client) return client;
    client = ports.createClient();
    const created = client;
    geographyReady = loadImportGeography(data, ports.loadBoundary).then(
      (geography) => (geography ? created.setGeography(geography) : undefined),
      () => undefined,
    );
    return created;
  };

  const releaseSource = () => {
    const sourceId = get().importSourceId;
    if (client && sourceId !== null) void client.release(sourceId).catch(() => undefined);
  };

  const stopWork = () => {
    generation++;
    buildToken++;
    clearTimeout(buildTimer);
    client?.cancel();
  };

  const workerFailure = (error: unknown) => {
    const detail = (error instanceof Error ? error.message : String(error)).slice(0, 200);
    get().failImport({ code: 'unreadable', params: { detail } });
  };

  async function openFile(file: File): Promise<void> {
    stopWork();
    releaseSource();
    if (file.size > IMPORT_LIMITS.maxFileBytes) {
      // Checked before a single byte is read: a 2 GB drop must not freeze the tab.
      const params = {
        sizeMb: Math.round(file.size / 2 ** 20),
        limitMb: IMPORT_LIMITS.maxFileBytes / 2 ** 20,
      };
      get().failImport({ code: 'fileTooLarge', params }, file.name);
      return;
    }
    const token = generation;
    idPrefix = `imp${Date.now().toString(36)}-`;
    get().beginImportRead(file.name, file.size);
    try {
      const response = await ensureClient().read(file, (fraction, stage) => {
        if (token === generation) get().setImportProgress({ fraction, stage });
      });
      if (token !== generation) {
        if (response?.ok) void client?.release(response.sourceId);
        return;
      }
      if (!response) return get().closeImport();
      if (!response.ok) return get().failImport(response.failure);
      const calibration = get().calibrationServices;
      if (calibration && looksLikeMeasurements(response.preview.summary.columns)) {
        // A drive-test or MR file (an RSRP column): the calibration takes it, not the site dialog.
        void client?.release(response.sourceId);
        get().closeImport();
        get().setActivePanelTab('calibration');
        calibration.importFile(file);
        return;
      }
      get().showImportPreview(response.sourceId, response.preview);
      scheduleBuild(0);
    } catch (error) {
      if (token === generation) workerFailure(error);
    }
  }

  /** Loose shapefile parts become one zipped shapefile; any other set of files is refused. */
  async function openFiles(files: readonly File[]): Promise<void> {
    if (files.length === 1) return openFile(files[0]!);
    if (!looksLikeShapefileParts(files.map((file) => file.name))) return rejectFiles(files.length);
    stopWork();
    const token = generation;
    const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
    const label = files
      .map((file) => file.name)
      .join(', ')
      .slice(0, 120);
    if (totalBytes > IMPORT_LIMITS.maxFileBytes) {
      const params = {
        sizeMb: Math.round(totalBytes / 2 ** 20),
        limitMb: IMPORT_LIMITS.maxFileBytes / 2 ** 20,
      };
      return get().failImport({ code: 'fileTooLarge', params }, label);
    }
    let parts: { name: string; bytes: Uint8Array }[];
    try {
      parts = await Promise.all(
        files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
      );
    } catch (error) {
      if (token === generation) workerFailure(error);
      return;
    }
    if (token !== generation) return;
    const outcome = bundleShapefileParts(parts);
    if (outcome.kind === 'notShapefileParts') return rejectFiles(files.length);
    if (outcome.kind === 'failure') return get().failImport(outcome.failure, label);
    await openFile(new File([outcome.bytes as Uint8Array<ArrayBuffer>], outcome.name));
  }

  function rejectFiles(count: number): void {
    stopWork();
    releaseSource();
    get().failImport({ code: 'multipleFiles', params: { count } }, '');
  }

  function scheduleBuild(delayMs = REBUILD_DELAY_MS): void {
    clearTimeout(buildTimer);
    const token = ++buildToken;
    client?.cancel();
    get().setImportBuilding(true);
    buildTimer = setTimeout(() => void build(token), delayMs);
  }

  async function build(token: number): Promise<void> {
    const { importSourceId: sourceId, importChoices: choices } = get();
    if (!client || sourceId === null) return;
    await geographyReady;
    const existingIds = await existingIdsFor(get(), choices.layer, data);
    if (token !== buildToken) return;
    get().setImportProgress({ fraction: 0, stage: 'validate' });
    try {
      const result = await client.build(
        sourceId,
        {
          layer: choices.layer,
          crs: choices.crs,
          mapping: choices.mapping,
          allowOutsideShanghai: choices.allowOutsideShanghai,
          swapLatLon: choices.swapLatLon,
          status: 'candidate',
          existingIds,
          idPrefix,
        },
        (fraction, stage) => {
          if (token === buildToken) get().setImportProgress({ fraction, stage });
        },
      );
      if (token !== buildToken || !result) return;
      get().setImportResult(result);
      notifySettled();
    } catch (error) {
      if (token === buildToken) workerFailure(error);
    }
  }

  let settledWaiters: (() => void)[] = [];
  const notifySettled = () => {
    const waiters = settledWaiters;
    settledWaiters = [];
    for (const resolve of waiters) resolve();
  };

  // Every change of a choice (layer, datum, mapping, fixes) re-runs the dry run.
  const stopFollowingChoices = store.subscribe(
    (state) => state.importChoices,
    () => {
      if (get().importPhase === 'review') scheduleBuild();
    },
  );

  function apply(): void {
    const { importResult: result, session, importChoices: choices } = get();
    if (!result || !session || get().importBuilding || result.features.length === 0) return;
    const noticeId = Date.now();
    get().editScenario({
      kind: 'change',
      change: importChange(result.layer, result.features, choices.siteRole),
      labelKey: 'import.undoLabel',
    });
    lastApplied = { noticeId, undoEntry: get().session?.undoStack.at(-1) };
    if (result.layer === 'poles') get().setLayerVisible('poles', true);
    get().showImportNotice({
      id: noticeId,
      imported: result.features.length,
      rejected: result.rejected.length,
      layer: result.layer,
      undone: false,
    });
    const bounds = importedBounds(result.features);
    close();
    if (bounds) ports.showImported(bounds);
  }

  function undoLastImport(): void {
    const notice = get().importNotice;
    if (!notice || notice.undone || !lastApplied || lastApplied.noticeId !== notice.id) return;
    // Only while the import is still the latest step: undoing something newer would surprise.
    if (get().session?.undoStack.at(-1) !== lastApplied.undoEntry) return;
    get().editScenario({ kind: 'undo' });
    lastApplied = null;
    get().showImportNotice({ ...notice, undone: true });
  }

  function close(): void {
    stopWork();
    releaseSource();
    get().closeImport();
  }

  return {
    openFile: (file) => void openFile(file),
    openFiles: (files) => void openFiles(files),
    rejectFiles,
    cancel: close,
    close,
    apply,
    undoLastImport,
    whenSettled: () =>
      get().importResult && !get().importBuilding
        ? Promise.resolve()
        : new Promise((resolve) => settledWaiters.push(resolve)),
    dispose: () => {
      stopFollowingChoices();
      stopWork();
      releaseSource();
    },
  };
}
