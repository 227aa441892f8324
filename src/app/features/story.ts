import type { AppContext } from '../app-context';

/** Wires the story feature into the app. */
export function wireStory(_context: AppContext): void {}
