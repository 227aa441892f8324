import type { UiFeature } from '../ui-feature';

/** The story feature's side-panel tabs and overlays. */
export const storyUi: UiFeature = { tabs: [], overlays: [] };
