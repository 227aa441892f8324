import type { UiFeature } from '../ui-feature';

/** The import feature's side-panel tabs and overlays. */
export const importUi: UiFeature = { tabs: [], overlays: [] };
