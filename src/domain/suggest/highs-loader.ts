import type { InitOptions, LegacyHighs } from 'highs';

/** The one HiGHS call exact selection needs: solve a CPLEX LP-format model. */
export type ExactSolver = Pick<LegacyHighs, 'solve'>;

/**
 * How to find highs.wasm. Node needs nothing (the loader resolves it beside itself in
 * node_modules). A browser worker passes locateFile returning the bundled asset URL, e.g. Vite's
 * `import highsWasmUrl from 'highs/runtime?url'` → `{ locateFile: () => highsWasmUrl }`, or the bytes.
 */
export type HighsLoadOptions = Pick<InitOptions, 'locateFile' | 'wasmBinary' | 'wasmModule'>;

let defaultSolver: Promise<ExactSolver> | null = null;

/** Loads HiGHS (WebAssembly) once per options; without options the instance is cached. */
export function loadHighsSolver(options?: HighsLoadOptions): Promise<ExactSolver> {
  if (options) return loadHighs(options);
  defaultSolver ??= loadHighs(undefined).catch((error: unknown) => {
    defaultSolver = null;
    throw error;
  });
  return defaultSolver;
}

async function loadHighs(options: HighsLoadOptions | undefined): Promise<ExactSolver> {
  // Dynamic import keeps the 3.5 MB solver out of bundles that never run exact mode.
  const highsModule = await import('highs');
  return highsModule.default(options);
}
