import type { UiFeature } from '../ui-feature';

/** The coverage feature's side-panel tabs and overlays. */
export const coverageUi: UiFeature = { tabs: [], overlays: [] };
