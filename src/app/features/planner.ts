import type { AppContext } from '../app-context';

/** Wires the planner feature into the app. */
export function wirePlanner(_context: AppContext): void {}
