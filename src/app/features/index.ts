import type { FeatureWiring } from '../app-context';
import { wireCoverage } from './coverage';
import { wireDistrict } from './district';
import { wireImport } from './import';
import { wirePlanner } from './planner';
import { wireStory } from './story';
import { wireSuggest } from './suggest';

/** Every feature's wiring, in the order they start. Coverage first: the others read its results. */
export const FEATURE_WIRINGS: readonly FeatureWiring[] = [
  wireCoverage,
  wirePlanner,
  wireImport,
  wireDistrict,
  wireStory,
  wireSuggest,
];
