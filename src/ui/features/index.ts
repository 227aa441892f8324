import type { UiFeature } from '../ui-feature';
// The import, calibration and team strings are not in the first-load dictionaries (i18n/feature-messages.ts).
import '../../domain/i18n/feature-messages';
import { calibrationUi } from './calibration';
import { coverageUi } from './coverage';
import { districtUi } from './district';
import { importUi } from './import';
import { plannerUi } from './planner';
import { storyUi } from './story';
import { suggestUi } from './suggest';
import { teamUi } from './team';

/** Every feature's UI, in tab order. */
export const UI_FEATURES: readonly UiFeature[] = [
  coverageUi,
  plannerUi,
  districtUi,
  suggestUi,
  importUi,
  calibrationUi,
  storyUi,
  teamUi,
];
