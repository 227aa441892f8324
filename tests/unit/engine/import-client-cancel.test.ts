/**
 * The import worker is always cancellable: a read that runs without a break (a huge xlsx sheet) does
 * not hear the cancel message, so the client terminates its worker after a short grace, resolves the
 * read as cancelled, and the next file goes to a fresh worker that has the geography again.
 */
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { CANCEL_GRACE_MS, ImportClient, type WorkerHandle } from '../../../src/engine/import-client';
import { hostileBytes } from '../support/domain/import/hostile-inputs';
import { nodeEndpoint } from '../support/domain/import/node-endpoint';

const workers: Worker[] = [];
function startWorker(): WorkerHandle {
  const worker = new Worker(new URL('../support/domain/import/worker-boot.mjs', import.meta.url), {
    workerData: { module: new URL('../support/domain/import/import-worker-node.ts', import.meta.url).href },
  });
  workers.push(worker);
  return { endpoint: nodeEndpoint(worker), terminate: () => void worker.terminate() };
}
afterAll(async () => {
  for (const worker of workers) await worker.terminate();
});

const readGeo = (name: string) => JSON.parse(readFileSync(`data/geo/${name}`, 'utf8'));

describe('ImportClient with a worker it owns', () => {
  it('ends a read that does not yield soon after cancel, and the next file works', async () => {
    const client = new ImportClient(startWorker);
    await client.setGeography({ districts: readGeo('districts.geojson') });
    // ~120 MB of sheet XML: seconds of reading without a break.
    const slow = hostileBytes({ kind: 'xlsxInflation', size: 120, variant: 0, name: 'slow.xlsx' });
    const reading = client.read({ name: 'slow.xlsx', bytes: slow });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const firstWorkerExit = new Promise<number>((resolve) => workers[0]?.once('exit', resolve));
    client.cancel();
    // The read ends as cancelled because its worker was stopped, not because the read finished: the
    // worker exits (terminated) and a second one takes its place. No wall-time bound: the grace is a
    // timer of CANCEL_GRACE_MS, and a loaded CI machine delays timers by seconds.
    expect(await reading).toBeUndefined();
    expect(await firstWorkerExit).toBe(1);
    expect(CANCEL_GRACE_MS).toBeLessThanOrEqual(1000);
    expect(workers).toHaveLength(2);
    const csv = new TextEncoder().encode('id,lon,lat\nA,121.4737,31.2304\n');
    const read = await client.read({ name: 'a.csv', bytes: csv });
    if (!read?.ok) throw new Error('the fresh worker did not read');
    const result = await client.build(read.sourceId, { layer: 'sites', crs: 'wgs84' });
    // The fresh worker got the districts again: the site has its district.
    expect(result?.features[0]?.properties.adcode).toBe('310101');
    client.dispose();
  });
});
