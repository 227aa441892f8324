// Starts a TypeScript module in a worker thread (tsx's loader), so a test can bound it in time and
// memory: the worker is terminated on a timeout, and resourceLimits caps its heap.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
