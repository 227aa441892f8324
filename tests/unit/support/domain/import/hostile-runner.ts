/**
 * Worker side of the hostile-files test: builds each input from its descriptor, imports it as the CLI
 * does (read, then build for sites), and reports how it ended, how long it took and the heap it needed.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { buildImport } from '../../../../../src/domain/import/build-import';
import { prepareImportGeography } from '../../../../../src/domain/import/geography';
import { readImportSource } from '../../../../../src/domain/import/read-source';
import { createXmldomParser } from '../../../../../src/domain/import/xmldom-parser';
import { type HostileInput, hostileBytes } from './hostile-inputs';

type Polygons = FeatureCollection<Polygon | MultiPolygon>;
const readGeo = <T>(name: string): T => JSON.parse(readFileSync(`data/geo/${name}`, 'utf8')) as T;
const geography = prepareImportGeography({
  districts: readGeo('districts.geojson'),
  boundary: readGeo<Polygons>('admin-boundary.geojson'),
  land: readGeo<Polygons>('land.geojson'),
});
const parseXml = createXmldomParser();

export interface HostileOutcome {
  name: string;
  ended: 'imported' | 'refused';
  code?: string;
  imported?: number;
  total?: number;
  milliseconds: number;
  /** CPU time of the process while the import ran (this thread's work: the test's thread only waits). */
  cpuMilliseconds: number;
  peakHeapMb: number;
  message: string;
}

async function run(input: HostileInput): Promise<HostileOutcome> {
  const bytes = hostileBytes(input);
  // Made: the clock of the time bound starts now (building a bomb is the test's cost, not the import's).
  parentPort!.postMessage({ started: true });
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  let peak = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 5);
  try {
    const read = await readImportSource({ name: input.name, bytes }, { parseXml });
    if (!read.ok) {
      return outcome('refused', { code: read.failure.code, message: JSON.stringify(read.failure) });
    }
    const result = await buildImport(read.source, { layer: 'sites', crs: 'wgs84' }, geography);
    return outcome('imported', {
      imported: result.features.length,
      total: result.total,
      message: `${result.features.length} of ${result.total}`,
    });
  } finally {
    clearInterval(sampler);
  }

  function outcome(ended: HostileOutcome['ended'], extra: Partial<HostileOutcome>): HostileOutcome {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    const cpu = process.cpuUsage(cpuAtStart);
    return {
      name: input.name,
      ended,
      milliseconds: Math.round(performance.now() - started),
      cpuMilliseconds: Math.round((cpu.user + cpu.system) / 1000),
      peakHeapMb: Math.round(peak / 2 ** 20),
      message: '',
      ...extra,
    };
  }
}

parentPort!.on('message', (input: HostileInput) => {
  run(input).then(
    (result) => parentPort!.postMessage({ result }),
    (error: unknown) =>
      parentPort!.postMessage({
        crash: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        name: input.name,
      }),
  );
});
parentPort!.postMessage({ ready: true, workerData });
