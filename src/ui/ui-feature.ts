import type { ComponentType } from 'react';
import type { MessageKey } from '../domain/i18n/translate';

/** A tab of the right-hand side panel. */
export interface SidePanelTab {
  /** Stable id, also used by store.setActivePanelTab(id) to open it from anywhere. */
  id: string;
  labelKey: MessageKey;
  Component: ComponentType;
}

/** What a feature adds to the UI: side-panel tabs and free overlays (toolbars, dialogs, story mode). */
export interface UiFeature {
  tabs: readonly SidePanelTab[];
  overlays: readonly ComponentType[];
}
