/**
 * The import feature: a worker-backed import controller for the dialog, the map as a drop target,
 * the open scenario's imported existing sites and poles on the map, and test hooks.
 */
import { type Disposer, Disposers } from '../../domain/disposers';
import { ImportClient } from '../../engine/import-client';
import { createImportController } from '../../services/import-controller';
import { importReportFile } from '../../ui/import/import-report-file';
import type { AppContext } from '../app-context';
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
    createClient: () => {
      worker = new Worker(new URL('../../engine/import-worker.ts', import.meta.url), { type: 'module' });
      return new ImportClient(worker);
    },
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
  });
  disposers.add(controller);
  disposers.add(installImportDropTarget(map.mapLibre.getContainer(), store));
  disposers.add(followScenarioImports(context));
  if (import.meta.env.MODE === 'e2e') installImportTestHook(context, controller);
  return disposers.disposer;
}
