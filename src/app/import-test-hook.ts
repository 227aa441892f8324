/**
 * Test hooks of the import on window.__e2e.import: wait for the dialog's dry run, and read
 * which features the map renders around a place (imported candidates are drawn by the planner's layer,
 * imported existing sites by the sites layer, imported poles by the pole layer).
 */

import type { ImportController } from '../services/import-controller';
import type { AppContext } from './app-context';

export interface ImportFeatureTestHook {
  /** Resolves once the dialog holds a dry-run result for the current choices. */
  whenSettled: () => Promise<void>;
  /** Ids (properties.id) and map layer ids of features rendered within `radiusPx` of a WGS84 point. */
  renderedAt: (
    longitude: number,
    latitude: number,
    radiusPx: number,
  ) => { id: string | undefined; layer: string }[];
  /** True when the point is inside the visible map. */
  inView: (longitude: number, latitude: number) => boolean;
}

declare module './test-hooks' {
  interface AppTestHook {
    import?: ImportFeatureTestHook;
  }
}

export function installImportTestHook({ map }: AppContext, controller: ImportController): void {
  const hook = window.__e2e;
  if (!hook) return;
  hook.import = {
    whenSettled: () => controller.whenSettled(),
    renderedAt(longitude, latitude, radiusPx) {
      const { x, y } = map.project(longitude, latitude);
      const features = map.mapLibre.queryRenderedFeatures([
        [x - radiusPx, y - radiusPx],
        [x + radiusPx, y + radiusPx],
      ]);
      return features.map((feature) => ({
        id: feature.properties?.id === undefined ? undefined : String(feature.properties.id),
        layer: feature.layer.id,
      }));
    },
    inView: (longitude, latitude) => map.mapLibre.getBounds().contains([longitude, latitude]),
  };
}
