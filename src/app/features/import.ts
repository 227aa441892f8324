import type { AppContext } from '../app-context';

/** Wires the import feature into the app. */
export function wireImport(_context: AppContext): void {}
