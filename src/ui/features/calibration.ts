import { CalibrationPanel } from '../calibration/CalibrationPanel';
import type { UiFeature } from '../ui-feature';

/** The calibration feature: the 校准 / Calibration tab (the residual dots are drawn by the map wiring). */
export const calibrationUi: UiFeature = {
  tabs: [{ id: 'calibration', labelKey: 'calibration.tab', Component: CalibrationPanel }],
  overlays: [],
};
