/**
 * The import feature: a worker-backed import controller for the dialog, the map as a drop target,
 * the open scenario's imported existing sites and poles on the map, and test hooks.
 */
import { type Disposer, Disposers } from '../../domain/disposers';
import { ImportClient } from '../../engine/import-client';
import { createImportController } from '../../services/import-controller';
import { importCheckFile } from '../../ui/import/import-check-file';
import { importReportFile } from '../../ui/import/import-report-file';
import type { AppContext } from '../app-context';
import { fetchDataFile } from '../data-files';
import { installImportDropTarget } from '../import-drop-target';
import { followScenarioImports } from '../import-map-layers';
import { installImportTestHook } from '../import-test-hook';
import { downloadText } from '../planner-services';

/** Wires the import feature into the app. */
export function wireImport(context: AppContext): Disposer {
  const { store, map, data } = context;
  const disposers = new Disposers();
  let worker: Worker | null = null;
  disposers.add(() => worker?.terminate());
  const controller = createImportController({
    store,
    data,
    // A factory, so the client can terminate a worker that does not hear a cancel and start another.
    createClient: () =>
      new ImportClient(() => {
        const started = new Worker(new URL('../../engine/import-worker.ts', import.meta.url), {
          type: 'module',
        });
        worker = started;
        return { endpoint: started, terminate: () => started.terminate() };
      }),
    loadBoundary: () => fetchDataFile('admin-boundary.geojson'),
    showImported: (bounds) => map.mapLibre.fitBounds(bounds, { padding: 80, maxZoom: 15, duration: 600 }),
  });
  store.getState().setImportServices({
    ...controller,
    downloadReport: () => {
      const { importResult, language, importFileName } = store.getState();
      if (!importResult) return;
      const file = importReportFile(importResult, language, importFileName);
      downloadText(file.text, file.fileName, 'text/csv;charset=utf-8');
    },
    downloadCheck: () => {
      const { importResult, language, importFileName } = store.getState();
      const file = importResult ? importCheckFile(importResult, language, importFileName) : null;
      if (file) downloadText(file.text, file.fileName, 'text/csv;charset=utf-8');
    },
  });
  disposers.add(controller);
  disposers.add(installImportDropTarget(map.mapLibre.getContainer(), store));
  disposers.add(followScenarioImports(context));
  if (import.meta.env.MODE === 'e2e') installImportTestHook(context, controller);
  return disposers.disposer;
}
