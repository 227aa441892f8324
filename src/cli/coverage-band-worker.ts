/**
 * A `coverage --workers N` helper thread (worker_threads). As soon as it starts it builds the shipped
 * city's engine with the command's settings and reads the site file itself (in parallel with the main
 * thread, which checks it too: copying 70,000 features between threads cost more than reading them). Then
 * it computes each row band it is sent (row-bands.ts) from the sites the main thread names by slot, and
 * writes the band's rows into the main thread's shared arrays and posts its partial figures back, their
 * buffers transferred. Its kernels stay cached
 * between computes (the benchmark's warm runs reuse it).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CoverageEngine } from '../domain/coverage/coverage-engine';
import { poolBands } from '../domain/coverage/pooled-compute';
import {
  computeBand,
  haloRows,
  type RowBand,
  sitesNearBand,
  uniqueSites,
} from '../domain/coverage/row-bands';
import type { CoverageSettings } from '../domain/coverage/settings';
import type { CoverageArrays } from '../domain/coverage/statistics';
import type { SiteFeature } from '../domain/types';
import { readSiteFile } from './geo-files';
import { readShippedCity } from './shipped-city';

export interface BandWorkerData {
  settings: Partial<CoverageSettings>;
  sitesPath: string;
  /** Which band of how many (splitRows) this helper computes: it keeps only the sites near it. */
  bandIndex: number;
  bandCount: number;
}

/**
 * A band to compute, from the sites at these slots of the file's (deduplicated) site list, into the main
 * thread's arrays (on a SharedArrayBuffer: the band's rows are written in place, never copied).
 */
export interface BandRequest {
  band: RowBand;
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
  const { settings, sitesPath, bandIndex, bandCount } = workerData as BandWorkerData;
  const engine = new CoverageEngine(readShippedCity(), settings, { allocateArrays: noArrays });
  // The sites near this helper's band by slot (the main thread finds the same ones); the rest are let go.
  let sites: Map<number, SiteFeature> | undefined;
  let failure: string | undefined;
  try {
    const all = uniqueSites(readSiteFile(sitesPath).features);
    const band = poolBands(engine, all, bandCount)[bandIndex];
    if (!band) throw new Error(`no band ${bandIndex} of ${bandCount}`);
    const near = sitesNearBand(all, engine.city.grid, band, haloRows(all, engine.settings));
    sites = new Map(Array.from(near, (slot) => [slot, all[slot]!]));
  } catch (error) {
    // The main thread reads the same file and reports the problem; this thread only declines its band.
    failure = (error as Error).message;
  }
  port.on('message', (request: BandRequest) => {
    if (!sites) {
      port.postMessage({ error: failure ?? 'no sites' });
      return;
    }
    const known = sites;
    const bandSites = Array.from(request.globalSlots, (slot) => known.get(slot));
    if (bandSites.includes(undefined)) {
      port.postMessage({ error: 'asked for a site outside its band' });
      return;
    }
    if (engine.arrays.best !== request.arrays.best) engine.shareArrays(request.arrays);
    const result = computeBand(engine, bandSites as SiteFeature[], request.globalSlots, request.band, true);
    const buffers = Object.values(result)
      .filter((value): value is ArrayBufferView => ArrayBuffer.isView(value))
      .map((view) => view.buffer as ArrayBuffer);
    port.postMessage(result, buffers);
  });
}
