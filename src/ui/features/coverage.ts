import { CoverageLegend } from '../coverage/CoverageLegend';
import { CoveragePanel } from '../coverage/CoveragePanel';
import type { UiFeature } from '../ui-feature';

/** The coverage feature's side-panel tab and its legend over the map. */
export const coverageUi: UiFeature = {
  tabs: [{ id: 'coverage', labelKey: 'coverage.tab', Component: CoveragePanel }],
  overlays: [CoverageLegend],
};
