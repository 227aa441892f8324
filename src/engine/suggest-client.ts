/**
 * Main-thread client for suggestions in the coverage worker. It wraps the same Worker the coverage
 * client wraps (Comlink matches replies by message id, so two proxies share one endpoint safely).
 * One suggestion at a time: a new run cancels the previous one, and a cancelled or overtaken run
 * resolves `undefined`.
 */
import * as Comlink from 'comlink';
import type { SuggestArea } from '../domain/coverage/engine-footprints';
import type { SuggestProgress, SuggestRequest, SuggestResult } from '../domain/suggest/suggest';
import type { CoverageApiObject } from './coverage-api';

export class SuggestClient {
  private readonly remote: Comlink.Remote<CoverageApiObject>;
  private nextRequestId = 0;
  private running: number | undefined;

  constructor(endpoint: Comlink.Endpoint) {
    this.remote = Comlink.wrap<CoverageApiObject>(endpoint);
  }

  /** Runs a suggestion; undefined when cancelled or replaced by a newer run. */
  async run(
    request: SuggestRequest,
    onProgress?: (progress: SuggestProgress) => void,
  ): Promise<SuggestResult | undefined> {
    this.cancel();
    const requestId = ++this.nextRequestId;
    this.running = requestId;
    try {
      const result = await this.remote.suggestSites(
        requestId,
        request,
        onProgress ? Comlink.proxy(onProgress) : undefined,
      );
      return requestId === this.nextRequestId ? result : undefined;
    } catch (error) {
      if (error instanceof Error && error.name === 'SuggestionCancelledError') return undefined;
      throw error;
    } finally {
      if (this.running === requestId) this.running = undefined;
    }
  }

  /** How many of these positions a suggestion in the area would consider (sent as one typed array). */
  countInArea(area: SuggestArea, positions: readonly { lon: number; lat: number }[]): Promise<number> {
    const lonLat = new Float64Array(positions.length * 2);
    positions.forEach((position, index) => {
      lonLat[2 * index] = position.lon;
      lonLat[2 * index + 1] = position.lat;
    });
    return this.remote.countSuggestCandidates(area, Comlink.transfer(lonLat, [lonLat.buffer]));
  }

  /** Stops the running suggestion, if any. */
  cancel(): void {
    if (this.running !== undefined) void this.remote.cancelSuggestion(this.running);
  }
}

let shareEndpoint: ((endpoint: Comlink.Endpoint) => void) | undefined;
const sharedEndpoint = new Promise<Comlink.Endpoint>((resolve) => {
  shareEndpoint = resolve;
});

/** The coverage feature hands its worker over here, so suggestions run on the same engine. */
export function shareCoverageEndpoint(endpoint: Comlink.Endpoint): void {
  shareEndpoint?.(endpoint);
}

/** Resolves with the coverage worker once the coverage feature has started it. */
export function coverageEndpoint(): Promise<Comlink.Endpoint> {
  return sharedEndpoint;
}
