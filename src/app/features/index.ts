/**
 * The features' chunk, loaded apart from the entry so the map's first paint never waits for it: the
 * wiring of every feature and the start-up steps that need feature code (the scenario storage, the
 * coverage worker). src/app/start-up.ts runs them in order.
 */
import type { FeatureWiring } from '../app-context';
// The import and team strings are not in the first-load dictionaries (i18n/feature-messages.ts).
import '../../domain/i18n/feature-messages';
import { wireCalibration } from './calibration';
import { wireCoverage } from './coverage';
import { wireDistrict } from './district';
import { wireImport } from './import';
import { wirePlanner } from './planner';
import { wireStory } from './story';
import { wireSuggest } from './suggest';
import { wireTeam } from './team';

export { openFirstScenario, openScenarioStorage } from '../scenario-storage';

/** Every feature's wiring, in the order they start. Coverage first: the others read its results. */
export const FEATURE_WIRINGS: readonly FeatureWiring[] = [
  wireCoverage,
  wirePlanner,
  wireImport,
  wireDistrict,
  wireStory,
  wireSuggest,
  wireCalibration,
  wireTeam,
];
