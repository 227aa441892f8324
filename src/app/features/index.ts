/**
 * The features' chunk, loaded apart from the entry so the map's first paint never waits for it: the
 * wiring of every feature and the start-up steps that need feature code (the scenario storage, the
 * coverage worker). src/app/start-up.ts runs them in order.
 */
import type { Disposers } from '../../domain/disposers';
import type { AppContext, FeatureWiring } from '../app-context';
// The import, calibration and team strings are not in the first-load dictionaries (i18n/feature-messages.ts).
import '../../domain/i18n/feature-messages';
import { markStartUp } from '../start-up-marks';
import { wireCalibration } from './calibration';
import { wireCoverage } from './coverage';
import { wireDistrict } from './district';
import { wireImport } from './import';
import { wirePlanner } from './planner';
import { wireStory } from './story';
import { wireSuggest } from './suggest';
import { wireTeam } from './team';

export { openFirstScenario, openScenarioStorage } from '../scenario-storage';
export { startCoverageEngine } from './coverage-engine';

// The chunk has loaded and run (marked here rather than in the entry, whose every byte counts).
markStartUp('features-loaded');

/** Every feature's wiring, in the order they start. Coverage first: the others read its results. */
const FEATURE_WIRINGS: readonly FeatureWiring[] = [
  wireCoverage,
  wirePlanner,
  wireImport,
  wireDistrict,
  wireStory,
  wireSuggest,
  wireCalibration,
  wireTeam,
];

/** Wires every feature, in order, into the start-up's disposers. */
export function wireFeatures(context: AppContext, disposers: Disposers): void {
  for (const wire of FEATURE_WIRINGS) disposers.add(wire(context));
  markStartUp('features-wired');
}
