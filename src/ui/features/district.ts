import { DistrictPanel } from '../district/DistrictPanel';
import { DistrictReport } from '../district/DistrictReport';
import { IndicatorPanel } from '../indicators/IndicatorTable';
import type { UiFeature } from '../ui-feature';

/** The district feature: the 区县 / District tab, the 指标 / Indicators tab and the printable report. */
export const districtUi: UiFeature = {
  tabs: [
    { id: 'district', labelKey: 'district.tab', Component: DistrictPanel },
    { id: 'indicators', labelKey: 'indicators.tab', Component: IndicatorPanel },
  ],
  overlays: [DistrictReport],
};
