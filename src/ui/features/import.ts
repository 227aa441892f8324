import { DropOverlay } from '../import/DropOverlay';
import { ImportButton } from '../import/ImportButton';
import { ImportDialog } from '../import/ImportDialog';
import { ImportNotice } from '../import/ImportNotice';
import type { UiFeature } from '../ui-feature';

/** The import feature: its button and drop overlay over the map, the dialog and the undo notice. */
export const importUi: UiFeature = {
  tabs: [],
  overlays: [ImportButton, DropOverlay, ImportNotice, ImportDialog],
};
