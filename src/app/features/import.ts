/**
 * The import feature: a worker-backed import controller for the dialog, the map as a drop target,
 * imported poles merged into the pole layer, and test hooks.
 */
import type { FeatureCollection } from 'geojson';
import { importedPoles } from '../../state/import-slice';
import type { AppContext } from '../app-context';
import { createImportController } from '../import-controller';
import { installImportDropTarget } from '../import-drop-target';
import { installImportTestHook } from '../import-test-hook';

/** Wires the import feature into the app. */
export function wireImport(context: AppContext): void {
  const { store, map } = context;
  const controller = createImportController(context);
  store.getState().setImportServices(controller);
  installImportDropTarget(map.mapLibre.getContainer(), store);
  followImportedPoles(context);
  installImportTestHook(context, controller);
}

/**
 * Shows imported poles in the pole layer next to the sample poles. They stay in the store
 * (importedPoleBatches), so the sample collection shared through data.ensure('poles') is never altered.
 */
function followImportedPoles({ store, map, data }: AppContext): void {
  store.subscribe(
    (state) => state.importedPoleBatches,
    (batches) => {
      void data
        .ensure('poles')
        .catch((): FeatureCollection => ({ type: 'FeatureCollection', features: [] }))
        .then((sample) => {
          // A later change already superseded this one.
          if (store.getState().importedPoleBatches !== batches) return;
          const extra = importedPoles({ importedPoleBatches: batches });
          map.setSourceData(
            'poles',
            extra.length === 0 ? sample : { ...sample, features: [...sample.features, ...extra] },
          );
        });
    },
  );
}
