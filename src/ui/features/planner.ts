import { PlannerPanel } from '../planner/PlannerPanel';
import { PlannerToolbar } from '../planner/PlannerToolbar';
import type { UiFeature } from '../ui-feature';

/** The planner feature's side-panel tab (规划 / Planner) and its toolbar over the map. */
export const plannerUi: UiFeature = {
  tabs: [{ id: 'planner', labelKey: 'planner.tab', Component: PlannerPanel }],
  overlays: [PlannerToolbar],
};
