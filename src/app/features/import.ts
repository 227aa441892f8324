/**
 * The import feature: a worker-backed import controller for the dialog, the map as a drop target,
 * the open scenario's imported existing sites and poles on the map, and test hooks.
 */
import { ImportClient } from '../../engine/import-client';
import { createImportController } from '../../services/import-controller';
import { importReportFile } from '../../ui/import/import-report-file';
import type { AppContext } from '../app-context';
import { installImportDropTarget } from '../import-drop-target';
import { followScenarioImports } from '../import-map-layers';
import { installImportTestHook } from '../import-test-hook';
import { downloadText } from '../planner-services';

/** Wires the import feature into the app. */
export function wireImport(context: AppContext): void {
  const { store, map, data } = context;
  const controller = createImportController({
    store,
    data,
    createClient: () =>
      new ImportClient(
        new Worker(new URL('../../engine/import-worker.ts', import.meta.url), { type: 'module' }),
      ),
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
  installImportDropTarget(map.mapLibre.getContainer(), store);
  followScenarioImports(context);
  installImportTestHook(context, controller);
}
