/**
 * Test hooks of the calibration on window.__e2e.calibration (end-to-end builds only): the comparison's
 * view, the residual dots the map loaded, and a wait for the import and comparison to finish.
 */
import type { CalibrationLayer } from '../map/calibration-layer';
import type { CalibrationView } from '../state/calibration-slice';
import type { AppContext } from './app-context';

export interface CalibrationTestHook {
  view: () => CalibrationView | null;
  /** Dots the map's WebGL layer drew in its last frame that lie in the current view. */
  dotsOnMap: () => number;
  /** Centres the map on a point at a zoom (to look at the dots). */
  jumpTo: (longitude: number, latitude: number, zoom: number) => void;
  /** Resolves when no import or comparison is running. */
  settled: () => Promise<void>;
}

declare module './test-hooks' {
  interface AppTestHook {
    calibration?: CalibrationTestHook;
  }
}

export function installCalibrationTestHook(
  { store, map }: AppContext,
  layer: CalibrationLayer,
  settled: () => Promise<void>,
): void {
  const hook = window.__e2e;
  if (!hook) return;
  hook.calibration = {
    view: () => store.getState().calibrationView,
    dotsOnMap: () => layer.loadedDotCount(),
    jumpTo: (longitude, latitude, zoom) => map.mapLibre.jumpTo({ center: [longitude, latitude], zoom }),
    settled,
  };
}
