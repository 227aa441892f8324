/**
 * Site suggestion inside the coverage worker, where the engine's grid lives: these methods are spread
 * into the coverage API (coverage-api.ts) so a suggestion runs on exactly the coverage the map shows,
 * queued with the engine's other calls. `cancelSuggestion` is not queued: it aborts the running run.
 */
import type { CoverageEngine } from '../domain/coverage/coverage-engine';
import type { SuggestArea } from '../domain/coverage/engine-footprints';
import { type ExactSolver, loadHighsSolver } from '../domain/suggest/highs-loader';
import {
  type SuggestProgress,
  type SuggestRequest,
  type SuggestResult,
  suggest,
} from '../domain/suggest/suggest';
import { countCandidatesInArea } from '../domain/suggest/suggest-count';

/** Rejection of a cancelled suggestion (crosses Comlink as an Error with this name). */
export class SuggestionCancelledError extends Error {
  override name = 'SuggestionCancelledError';
}

type Serial = <T>(task: () => Promise<T> | T) => Promise<T>;

/** HiGHS: Node finds its wasm beside the module; a browser worker asks Vite for the asset's URL. */
async function loadSolverHere(): Promise<ExactSolver> {
  if (typeof process !== 'undefined' && process.versions?.node) return loadHighsSolver();
  const { default: wasmUrl } = await import('highs/runtime?url');
  return loadHighsSolver({ locateFile: () => wasmUrl });
}

/** The suggestion methods for a coverage API: `serial` is its queue, `engineOf` its consistent engine. */
export function createSuggestMethods(serial: Serial, engineOf: () => CoverageEngine) {
  const running = new Map<number, AbortController>();
  return {
    /** Suggest sites on the current coverage; progress 0–1 with its phase; rejects when cancelled. */
    suggestSites(
      requestId: number,
      request: SuggestRequest,
      onProgress?: (progress: SuggestProgress) => void,
    ): Promise<SuggestResult> {
      const controller = new AbortController();
      running.set(requestId, controller);
      return serial(async () => {
        try {
          return await suggest(engineOf(), request, {
            signal: controller.signal,
            ...(onProgress ? { onProgress } : {}),
            loadSolver: loadSolverHere,
          });
        } finally {
          running.delete(requestId);
        }
      });
    },
    /** How many of these positions (lon, lat interleaved) a suggestion in the area would consider. */
    countSuggestCandidates(area: SuggestArea, lonLat: Float64Array): Promise<number> {
      return serial(() => countCandidatesInArea(engineOf(), area, lonLat));
    },
    /** Stops a running or queued suggestion (it rejects with SuggestionCancelledError). */
    cancelSuggestion(requestId: number): void {
      running.get(requestId)?.abort(new SuggestionCancelledError(`suggestion ${requestId} cancelled`));
    },
  };
}
