import { SuggestPanel } from '../suggest/SuggestPanel';
import type { UiFeature } from '../ui-feature';

/** The suggest feature: the 选址 / Suggest tab (the picks' markers are drawn by the map wiring). */
export const suggestUi: UiFeature = {
  tabs: [{ id: 'suggest', labelKey: 'suggest.tab', Component: SuggestPanel }],
  overlays: [],
};
