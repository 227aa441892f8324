import type { AppContext } from '../app-context';

/** Wires the district feature into the app. */
export function wireDistrict(_context: AppContext): void {}
