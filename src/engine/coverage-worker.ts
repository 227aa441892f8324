/// <reference lib="webworker" />
/**
 * Web Worker entry: exposes the coverage API with Comlink. Create it with
 * `new Worker(new URL('./coverage-worker.ts', import.meta.url), { type: 'module' })` and wrap it with
 * CoverageClient (coverage-client.ts).
 */
import * as Comlink from 'comlink';
import { createCoverageApi } from './coverage-api';

const api = createCoverageApi();
export type CoverageApi = typeof api;
Comlink.expose(api);
