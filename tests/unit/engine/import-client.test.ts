import { MessageChannel } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { createImportSession } from '../../../src/domain/import/import-session';
import { createXmldomParser } from '../../../src/domain/import/xmldom-parser';
import { ImportClient } from '../../../src/engine/import-client';
import { fixtureBytes } from '../support/import/load';

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
});

function connect(): ImportClient {
  const channel = new MessageChannel();
  channels.push(channel);
  Comlink.expose(
    createImportSession({ parseXml: createXmldomParser() }),
    channel.port1 as unknown as Comlink.Endpoint,
  );
  return new ImportClient(channel.port2 as unknown as Comlink.Endpoint);
}

/** A CSV of `count` valid rows spread over central Shanghai. */
function bigCsv(count: number): Uint8Array {
  const lines = ['id,lon,lat'];
  for (let index = 0; index < count; index++) {
    lines.push(
      `S${index},${(121.3 + (index % 500) * 0.0006).toFixed(6)},${(31.1 + Math.floor(index / 500) * 0.0004).toFixed(6)}`,
    );
  }
  return new TextEncoder().encode(lines.join('\n'));
}

describe('ImportClient over a real message channel', () => {
  it('reads a KMZ in the worker (no DOMParser there), previews it, then builds', async () => {
    const client = connect();
    const read = await client.read({ name: 'sites.kmz', bytes: fixtureBytes('sites.kmz') });
    expect(read?.ok).toBe(true);
    if (!read?.ok) return;
    expect(read.preview.total).toBe(6);
    expect(read.preview.summary.format).toBe('kmz');
    expect(read.preview.rows[0]!.number).toBe(1);
    const progress: number[] = [];
    const result = await client.build(read.sourceId, { layer: 'sites', crs: 'wgs84' }, (fraction) =>
      progress.push(fraction),
    );
    expect(result?.features).toHaveLength(6);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(progress.at(-1)).toBe(1);
  });

  it('reports a file it cannot read as a failure, not an exception', async () => {
    const client = connect();
    const read = await client.read({ name: 'x.kmz', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9]) });
    expect(read).toEqual({ ok: false, failure: { code: 'invalidZip', params: expect.any(Object) } });
  });

  it('cancel() stops a long build: it resolves to undefined', async () => {
    const client = connect();
    const read = await client.read({ name: 'big.csv', bytes: bigCsv(60_000) });
    if (!read?.ok) throw new Error('read failed');
    const build = client.build(read.sourceId, { layer: 'sites', crs: 'gcj02' });
    await new Promise((resolve) => setTimeout(resolve, 30));
    client.cancel();
    expect(await build).toBeUndefined();
    const again = await client.build(read.sourceId, { layer: 'sites', crs: 'wgs84' });
    expect(again?.features).toHaveLength(60_000);
  });
});
