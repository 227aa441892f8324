/// <reference lib="webworker" />
/**
 * Web Worker entry: exposes the sample-network generator (sample-api.ts) with Comlink. Create it with
 * `new Worker(new URL('./sample-worker.ts', import.meta.url), { type: 'module' })` and wrap it with
 * SampleClient (sample-client.ts).
 */
import * as Comlink from 'comlink';
import { createSampleApi } from './sample-api';

Comlink.expose(createSampleApi());
