import type { UiFeature } from '../ui-feature';

/** The district feature's side-panel tabs and overlays. */
export const districtUi: UiFeature = { tabs: [], overlays: [] };
