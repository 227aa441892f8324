import type { UiFeature } from '../ui-feature';

/** The planner feature's side-panel tabs and overlays. */
export const plannerUi: UiFeature = { tabs: [], overlays: [] };
