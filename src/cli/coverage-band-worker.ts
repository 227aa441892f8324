/**
 * A `coverage --workers N` helper thread (worker_threads): builds the shipped city's engine with the
 * command's settings as soon as it starts, then computes the row band it is sent (row-bands.ts) and posts
 * the band's rows and partial figures back, their buffers transferred.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CoverageEngine } from '../domain/coverage/coverage-engine';
import { computeBand, type RowBand } from '../domain/coverage/row-bands';
import type { CoverageSettings } from '../domain/coverage/settings';
import type { SiteFeature } from '../domain/types';
import { readShippedCity } from './shipped-city';

export interface BandRequest {
  band: RowBand;
  sites: SiteFeature[];
  globalSlots: Int32Array;
}

const port = parentPort;
if (port) {
  const engine = new CoverageEngine(readShippedCity(), workerData.settings as Partial<CoverageSettings>);
  port.once('message', (request: BandRequest) => {
    const result = computeBand(engine, request.sites, request.globalSlots, request.band);
    const buffers = Object.values(result)
      .filter((value): value is ArrayBufferView => ArrayBuffer.isView(value))
      .map((view) => view.buffer as ArrayBuffer);
    port.postMessage(result, buffers);
  });
}
