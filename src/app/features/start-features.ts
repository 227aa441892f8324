import type { AppContext } from '../app-context';

/**
 * Loads every feature (coverage, planner, import, district, story, suggestion) as a separate chunk and
 * wires it, so the first paint of the map does not wait for their code (first-load JS budget).
 */
export async function startFeatures(context: AppContext): Promise<void> {
  const { FEATURE_WIRINGS } = await import('./index');
  for (const wire of FEATURE_WIRINGS) wire(context);
}
