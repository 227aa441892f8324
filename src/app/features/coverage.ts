import type { AppContext } from '../app-context';

/** Wires the coverage feature into the app. */
export function wireCoverage(_context: AppContext): void {}
