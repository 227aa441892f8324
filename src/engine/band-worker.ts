/// <reference lib="webworker" />
/**
 * Web Worker entry of a coverage pool helper (band-api.ts). The page starts it and hands it one end of a
 * MessageChannel, whose other end goes to the coverage worker: the helper answers the coverage worker
 * only.
 */
import * as Comlink from 'comlink';
import { createBandApi } from './band-api';

self.addEventListener(
  'message',
  (event: MessageEvent<{ port: MessagePort }>) => Comlink.expose(createBandApi(), event.data.port),
  { once: true },
);
