/**
 * The import feature: a worker-backed import controller for the dialog, the map as a drop target,
 * the open scenario's imported existing sites and poles on the map, and test hooks.
 */
import type { AppContext } from '../app-context';
import { createImportController } from '../import-controller';
import { installImportDropTarget } from '../import-drop-target';
import { followScenarioImports } from '../import-map-layers';
import { installImportTestHook } from '../import-test-hook';

/** Wires the import feature into the app. */
export function wireImport(context: AppContext): void {
  const { store, map } = context;
  const controller = createImportController(context);
  store.getState().setImportServices(controller);
  installImportDropTarget(map.mapLibre.getContainer(), store);
  followScenarioImports(context);
  installImportTestHook(context, controller);
}
