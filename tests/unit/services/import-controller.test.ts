/**
 * The import state machine between the dialog (the store), the import worker and the scenario. The
 * worker is the real import session behind the real ImportClient over a message channel; the port
 * wrapper only counts calls and can hold a read or build until the test lets it go, so the order of
 * answers is the test's to choose. The store is the real app store.
 */
import { readFileSync } from 'node:fs';
import { MessageChannel } from 'node:worker_threads';
import * as Comlink from 'comlink';
import type { FeatureCollection } from 'geojson';
import { afterEach, describe, expect, it } from 'vitest';
import { createImportSession } from '../../../src/domain/import/import-session';
import { createXmldomParser } from '../../../src/domain/import/xmldom-parser';
import { indexBaseline } from '../../../src/domain/scenario/baseline-sites';
import { createScenario } from '../../../src/domain/scenario/scenario';
import { ImportClient } from '../../../src/engine/import-client';
import { createImportController, type ImportEnginePort } from '../../../src/services/import-controller';
import type { DataPort } from '../../../src/services/ports';
import { createAppStore } from '../../../src/state/store';

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
});

type Held = 'read' | 'build';

/**
 * The real client, counting calls and holding the kinds of call listed in `hold` until released (a
 * read before it reaches the worker, a build's answer on its way back).
 */
class GatedClient implements ImportEnginePort {
  readonly calls: string[] = [];
  readonly hold = new Set<Held>();
  failRead: Error | null = null;
  private waiting: { kind: Held; go: () => void }[] = [];

  constructor(private readonly real: ImportClient) {}

  setGeography: ImportClient['setGeography'] = (data) => this.real.setGeography(data);
  release: ImportClient['release'] = (sourceId) => {
    this.calls.push(`release:${sourceId}`);
    return this.real.release(sourceId);
  };
  cancel: ImportClient['cancel'] = () => {
    this.calls.push('cancel');
    this.real.cancel();
  };
  read: ImportClient['read'] = async (file, onProgress) => {
    this.calls.push(`read:${file.name}`);
    await this.gate('read');
    if (this.failRead) throw this.failRead;
    return this.real.read(file, onProgress);
  };
  build: ImportClient['build'] = async (sourceId, options, onProgress) => {
    this.calls.push(`build:${options.layer}`);
    // Held on its way back: the worker has answered, the page has not heard it yet.
    const result = await this.real.build(sourceId, options, onProgress);
    await this.gate('build');
    return result;
  };

  /** Lets the oldest held call of a kind go on. */
  releaseOne(kind: Held): void {
    const index = this.waiting.findIndex((entry) => entry.kind === kind);
    if (index < 0) throw new Error(`no ${kind} is held`);
    this.waiting.splice(index, 1)[0]!.go();
  }

  waitingCount(kind: Held): number {
    return this.waiting.filter((entry) => entry.kind === kind).length;
  }

  private gate(kind: Held): Promise<void> {
    if (!this.hold.has(kind)) return Promise.resolve();
    return new Promise((go) => this.waiting.push({ kind, go }));
  }
}

const districts = JSON.parse(readFileSync('data/geo/districts.geojson', 'utf8')) as FeatureCollection;
/** The app's data as far as an import needs it: districts; every other file is missing. */
const data: DataPort = {
  ensure: (id) =>
    id === 'districts' ? Promise.resolve(districts) : Promise.reject(new Error(`${id} not in this test`)),
};

const csv = (name: string, lines: string[]) => new File([lines.join('\n')], name, { type: 'text/csv' });
const goodCsv = () =>
  csv('sites.csv', [
    'id,lon,lat',
    'A,121.47,31.23',
    'B,121.50,31.24',
    'C,121.44,31.20',
    'D,not-a-number,31.2',
  ]);

function setUp() {
  const channel = new MessageChannel();
  channels.push(channel);
  Comlink.expose(
    createImportSession({ parseXml: createXmldomParser() }),
    channel.port1 as unknown as Comlink.Endpoint,
  );
  const client = new GatedClient(new ImportClient(channel.port2 as unknown as Comlink.Endpoint));
  const store = createAppStore();
  const baseline = indexBaseline('b', { type: 'FeatureCollection', features: [] });
  store.getState().setBaseline(baseline);
  store
    .getState()
    .openScenario(
      createScenario({ id: 's', name: 's', baselineRef: baseline.ref, nowIso: '2025-01-01T00:00:00.000Z' }),
    );
  const shown: [[number, number], [number, number]][] = [];
  const controller = createImportController({
    store,
    data,
    createClient: () => client,
    showImported: (bounds) => shown.push(bounds),
  });
  return { store, client, controller, shown };
}

/** Waits for a condition on the store, letting the worker's messages through. */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let round = 0; round < 400; round++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('import controller: read, dry run, apply as one undo step', () => {
  it('applies only the valid rows of the last dry run, as one undoable step, and undo takes them out', async () => {
    const { store, controller, shown } = setUp();
    controller.openFile(goodCsv());
    await until(() => store.getState().importPhase === 'review', 'the preview');
    await controller.whenSettled();
    const result = store.getState().importResult!;
    expect(result.features.map((feature) => feature.properties.id).sort()).toEqual(['A', 'B', 'C']);
    expect(result.rejected).toHaveLength(1);
    const undoDepth = store.getState().session!.undoStack.length;
    controller.apply();
    const session = store.getState().session!;
    expect(session.scenario.addedSites.map((site) => site.properties.id).sort()).toEqual(['A', 'B', 'C']);
    expect(session.undoStack).toHaveLength(undoDepth + 1);
    expect(session.undoStack.at(-1)!.labelKey).toBe('import.undoLabel');
    expect(store.getState().importPhase).toBe('idle');
    expect(store.getState().importNotice).toMatchObject({ imported: 3, rejected: 1, undone: false });
    expect(shown).toEqual([
      [
        [121.44, 31.2],
        [121.5, 31.24],
      ],
    ]);
    controller.undoLastImport();
    expect(store.getState().session!.scenario.addedSites).toHaveLength(0);
    expect(store.getState().importNotice?.undone).toBe(true);
  });

  it('does not undo the import once a newer edit follows it', async () => {
    const { store, controller } = setUp();
    controller.openFile(goodCsv());
    await until(() => store.getState().importPhase === 'review', 'the preview');
    await controller.whenSettled();
    controller.apply();
    store.getState().editScenario({ kind: 'change', change: { type: 'rename', name: 'later' } });
    controller.undoLastImport();
    expect(store.getState().session!.scenario.addedSites).toHaveLength(3);
    expect(store.getState().importNotice?.undone).toBe(false);
  });

  it('quick changes of a choice make one new dry run, for the last choice', async () => {
    const { store, client, controller } = setUp();
    controller.openFile(goodCsv());
    await until(() => store.getState().importPhase === 'review', 'the preview');
    await controller.whenSettled();
    const buildsBefore = client.calls.filter((call) => call.startsWith('build')).length;
    store.getState().setImportChoices({ layer: 'poles' });
    store.getState().setImportChoices({ layer: 'sites' });
    store.getState().setImportChoices({ layer: 'poles' });
    await controller.whenSettled();
    const builds = client.calls.filter((call) => call.startsWith('build'));
    expect(builds.slice(buildsBefore)).toEqual(['build:poles']);
    expect(store.getState().importResult!.layer).toBe('poles');
  });
});

describe('import controller: stale answers, cancel and errors', () => {
  it('drops the answer for a file replaced while it was read, and releases it in the worker', async () => {
    const { store, client, controller } = setUp();
    client.hold.add('read');
    controller.openFile(csv('first.csv', ['id,lon,lat', 'X,121.47,31.23']));
    client.hold.delete('read');
    controller.openFile(goodCsv());
    await until(() => store.getState().importPhase === 'review', 'the second preview');
    await controller.whenSettled();
    client.releaseOne('read');
    await until(() => client.calls.some((call) => call.startsWith('release:')), 'the stale source released');
    expect(store.getState().importFileName).toBe('sites.csv');
    expect(store.getState().importResult!.features).toHaveLength(3);
  });

  it('cancel during a dry run closes the dialog, and its late answer changes nothing', async () => {
    const { store, client, controller } = setUp();
    client.hold.add('build');
    controller.openFile(goodCsv());
    await until(() => client.waitingCount('build') > 0, 'the dry run to answer');
    controller.cancel();
    expect(store.getState().importPhase).toBe('idle');
    client.releaseOne('build');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(store.getState().importResult).toBeNull();
    expect(store.getState().importPhase).toBe('idle');
    expect(store.getState().session!.scenario.addedSites).toHaveLength(0);
  });

  it('surfaces a worker failure, a file over the size limit and a set of unrelated files as dialog errors', async () => {
    const { store, client, controller } = setUp();
    client.failRead = new Error('worker crashed');
    controller.openFile(goodCsv());
    await until(() => store.getState().importPhase === 'failed', 'the failure');
    expect(store.getState().importFailure).toEqual({
      code: 'unreadable',
      params: { detail: 'worker crashed' },
    });

    const reads = client.calls.filter((call) => call.startsWith('read')).length;
    const huge = new File(['x'], 'huge.csv');
    Object.defineProperty(huge, 'size', { value: 3 * 2 ** 30 });
    controller.openFile(huge);
    expect(store.getState().importFailure?.code).toBe('fileTooLarge');
    // Refused before a single byte is read.
    expect(client.calls.filter((call) => call.startsWith('read'))).toHaveLength(reads);

    controller.openFiles([csv('a.csv', ['id']), csv('b.csv', ['id'])]);
    expect(store.getState().importFailure).toEqual({ code: 'multipleFiles', params: { count: 2 } });
    expect(store.getState().session!.scenario.addedSites).toHaveLength(0);
  });

  it('hands a measurement file (an RSRP column) to the calibration instead of the site dialog', async () => {
    const { store, controller } = setUp();
    const taken: string[] = [];
    store.getState().setCalibrationServices({
      importFile: (file) => taken.push(file.name),
      cancel: () => undefined,
      apply: () => undefined,
      remove: () => undefined,
      deleteSet: () => undefined,
    });
    controller.openFile(csv('drive.csv', ['经度,纬度,SS-RSRP', '121.47,31.23,-90']));
    await until(() => taken.length > 0, 'the hand-over');
    expect(taken).toEqual(['drive.csv']);
    expect(store.getState().importPhase).not.toBe('review');
    expect(store.getState().activePanelTab).toBe('calibration');
    controller.openFile(goodCsv());
    await until(() => store.getState().importPhase === 'review', 'the site preview');
    expect(taken).toEqual(['drive.csv']);
  });
});
