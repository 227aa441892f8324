/**
 * Test hook of the district view on window.__e2e.district (end-to-end builds only): the weak spot the
 * map highlights now, as drawn.
 */
import type { DistrictFocus } from '../map/district-focus';

export interface DistrictTestHook {
  /** The highlighted weak spot's id and area as drawn on the map, null when none is. */
  drawnGap: () => { id: number; areaKm2: number } | null;
}

declare module './test-hooks' {
  interface AppTestHook {
    district?: DistrictTestHook;
  }
}

export function installDistrictTestHook(focus: DistrictFocus): void {
  const hook = window.__e2e;
  if (!hook) return;
  hook.district = {
    drawnGap: () => {
      const properties = focus.drawnGap?.properties as { id: number; areaKm2: number } | undefined;
      return properties ? { id: properties.id, areaKm2: properties.areaKm2 } : null;
    },
  };
}
