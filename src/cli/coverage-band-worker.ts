/**
 * A `coverage --workers N` helper thread (worker_threads). As soon as it starts it builds the shipped
 * city's engine with the command's settings (in parallel with the main thread, which reads the site file
 * meanwhile). Then it computes each row band it is sent (row-bands.ts) from the band's sites, which the
 * main thread posts with the request (the helper never parses the whole site file: at 70,000 sites that
 * parse, beside the main thread's own, set the process's peak memory), writes the band's rows into the
 * main thread's shared arrays and posts its partial figures back, their buffers transferred. Its kernels
 * stay cached between computes (the benchmark's warm runs reuse it).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CoverageEngine } from '../domain/coverage/coverage-engine';
import { computeBand, type RowBand } from '../domain/coverage/row-bands';
import type { CoverageSettings } from '../domain/coverage/settings';
import type { CoverageArrays } from '../domain/coverage/statistics';
import type { SiteFeature } from '../domain/types';
import { readShippedCity } from './shipped-city';

export interface BandWorkerData {
  settings: Partial<CoverageSettings>;
}

/**
 * A band to compute from its sites (`globalSlots[i]`: site i's slot in the whole list), into the main
 * thread's arrays (on a SharedArrayBuffer: the band's rows are written in place, never copied).
 */
export interface BandRequest {
  band: RowBand;
  sites: SiteFeature[];
  globalSlots: Int32Array;
  arrays: CoverageArrays;
}

// The helper's engine computes into the main thread's arrays, so it allocates none of its own.
const noArrays = (): CoverageArrays => ({
  best: new Float32Array(0),
  server: new Int32Array(0),
  cellState: new Uint8Array(0),
});

const port = parentPort;
if (port) {
  const { settings } = workerData as BandWorkerData;
  const engine = new CoverageEngine(readShippedCity(), settings, { allocateArrays: noArrays });
  port.on('message', (request: BandRequest) => {
    try {
      if (engine.arrays.best !== request.arrays.best) engine.shareArrays(request.arrays);
      const result = computeBand(engine, request.sites, request.globalSlots, request.band, true);
      const buffers = Object.values(result)
        .filter((value): value is ArrayBufferView => ArrayBuffer.isView(value))
        .map((view) => view.buffer as ArrayBuffer);
      port.postMessage(result, buffers);
    } catch (error) {
      port.postMessage({ error: (error as Error).message });
    }
  });
}
