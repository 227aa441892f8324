import type { AppContext } from '../app-context';

/** Wires the suggest feature into the app. */
export function wireSuggest(_context: AppContext): void {}
