import type { UiFeature } from '../ui-feature';

/** The suggest feature's side-panel tabs and overlays. */
export const suggestUi: UiFeature = { tabs: [], overlays: [] };
