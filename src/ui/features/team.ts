import { ConflictDialog } from '../team/ConflictDialog';
import { TeamPanel } from '../team/TeamPanel';
import type { UiFeature } from '../ui-feature';

/** The team feature: the 团队 / Team tab and the conflict dialog (the header shows the sync state). */
export const teamUi: UiFeature = {
  tabs: [{ id: 'team', labelKey: 'team.tab', Component: TeamPanel }],
  overlays: [ConflictDialog],
};
