/**
 * The IndexedDB adapter in real Chromium. A separate Vite dev server (port 5180) serves a test-only
 * harness page that imports src/storage directly, so the app build stays untouched.
 */
import { expect, type Page, test } from '@playwright/test';
import { createServer, type ViteDevServer } from 'vite';

const HARNESS_PORT = 5180;
const HARNESS_URL = `http://127.0.0.1:${HARNESS_PORT}/tests/e2e/harness/storage-harness.html`;
let server: ViteDevServer;

test.beforeAll(async () => {
  server = await createServer({
    root: process.cwd(),
    configFile: false,
    logLevel: 'warn',
    server: { host: '127.0.0.1', port: HARNESS_PORT, strictPort: true, hmr: false },
    // Resolve idb up front so Vite does not re-optimise and reload the page mid-test.
    optimizeDeps: { include: ['idb'], entries: [] },
  });
  await server.listen();
});

test.afterAll(async () => {
  await server?.close();
});

async function openHarness(page: Page): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(HARNESS_URL);
  await expect(page.locator('#status')).toHaveText('ready');
  expect(errors).toEqual([]);
}

test('a saved scenario comes back identical after a page reload', async ({ page }) => {
  await openHarness(page);
  const saved = await page.evaluate(async () => {
    const scenario = window.storageHarness.sampleScenario('s-1');
    await window.storageHarness.save('db-roundtrip', scenario);
    return scenario;
  });
  await page.reload();
  await expect(page.locator('#status')).toHaveText('ready');
  const { loaded } = await page.evaluate(() => window.storageHarness.load('db-roundtrip'));
  expect(loaded.scenarios).toEqual([saved]);
  expect(loaded.lastOpenScenarioId).toBe('s-1');
  expect(loaded.quarantined).toEqual([]);
});

test('a corrupt record is moved to quarantine with its reason, kept and exportable', async ({ page }) => {
  await openHarness(page);
  const result = await page.evaluate(async () => {
    const good = window.storageHarness.sampleScenario('good');
    await window.storageHarness.save('db-corrupt', good);
    const corrupt = structuredClone(good) as unknown as {
      id: string;
      addedSites: { properties: { heightM: number } }[];
    };
    corrupt.id = 'bad';
    corrupt.addedSites[0]!.properties.heightM = 9000;
    await window.storageHarness.writeRaw('db-corrupt', 'bad', corrupt);
    await window.storageHarness.writeRaw('db-corrupt', 'garbage', 'not even an object');
    const first = await window.storageHarness.load('db-corrupt');
    const second = await window.storageHarness.load('db-corrupt');
    return { first, second, corrupt };
  });
  // The record with one bad site comes back without it; the original is kept aside whole.
  expect(result.first.loaded.scenarios.map((scenario) => scenario.id).sort()).toEqual(['bad', 'good']);
  const recovered = result.first.loaded.scenarios.find((scenario) => scenario.id === 'bad')!;
  expect(recovered.addedSites.map((site) => site.properties.id)).toEqual(['C2']);
  expect(result.first.loaded.recovered).toEqual([
    {
      id: 'bad',
      name: '浦东补盲方案',
      lost: [{ list: 'addedSites', lost: 1, announced: 2 }],
      repairedFields: [],
    },
  ]);
  expect(result.first.loaded.quarantined.map((entry) => [entry.sourceKey, entry.reason.code]).sort()).toEqual(
    [
      ['bad', 'invalid'],
      ['garbage', 'notAnObject'],
    ],
  );
  const badEntry = result.first.quarantine.find((entry) => entry.sourceKey === 'bad')!;
  expect(badEntry.record).toEqual(result.corrupt);
  expect(badEntry.recovered).toBe(true);
  expect(badEntry.reason.message).toContain('addedSites[0].properties.heightM: outOfRange');
  // A second load finds nothing new to quarantine and nothing lost.
  expect(result.second.loaded.quarantined).toEqual([]);
  expect(result.second.loaded.scenarios.map((scenario) => scenario.id).sort()).toEqual(['bad', 'good']);
  expect(result.second.quarantine).toHaveLength(2);
  const exported = JSON.parse(result.second.exported);
  expect(exported.format).toBe('shanghai-infra-planner/quarantine');
  expect(exported.entries.map((entry: { record: unknown }) => entry.record)).toContainEqual(result.corrupt);
});

test('a record JSON cannot spell (BigInt, Map, a cycle) is still exported as a file that says what it held', async ({
  page,
}) => {
  await openHarness(page);
  const exported = await page.evaluate(async () => {
    const cyclic: Record<string, unknown> = { id: 'cyclic', schemaVersion: 3, when: new Date(0) };
    cyclic.self = cyclic;
    await window.storageHarness.writeRaw('db-json', 'odd', {
      id: 'odd',
      schemaVersion: 3,
      count: 10n,
      tags: new Map([['a', 1]]),
      nan: Number.NaN,
    });
    await window.storageHarness.writeRaw('db-json', 'cyclic', cyclic);
    return (await window.storageHarness.load('db-json')).exported;
  });
  const file = JSON.parse(exported);
  const records = Object.fromEntries(
    file.entries.map((entry: { sourceKey: string; record: unknown }) => [entry.sourceKey, entry.record]),
  );
  expect(records.odd.count).toEqual({ $type: 'bigint', value: '10' });
  expect(records.odd.tags).toEqual({ $type: 'Map', entries: [['a', 1]] });
  expect(records.odd.nan).toEqual({ $type: 'number', value: 'NaN' });
  // The cycle is cut where it closes (the record read back is a copy whose `self` is the stored object).
  expect(JSON.stringify(records.cyclic.self)).toContain('{"$type":"circular"}');
  expect(records.cyclic.when).toEqual({ $type: 'Date', value: '1970-01-01T00:00:00.000Z' });
});

test('two tabs: a save over a revision another tab wrote is refused, atomically, and a reload merges', async ({
  page,
}) => {
  await openHarness(page);
  const outcome = await page.evaluate(() => window.storageHarness.conflictingSaves('db-conflict'));
  // The first tab's save landed; the second, stale one wrote nothing, not even its chunks.
  expect(outcome.firstRevision).toBe(2);
  expect(outcome.secondError).toEqual({ name: 'ScenarioConflictError', storedRevision: 2 });
  expect(outcome.storedIds).toEqual(outcome.firstIds);
  // After reading the stored version, the second tab's save goes through.
  expect(outcome.afterReload).toEqual({ revision: 3, count: outcome.firstIds.length + 1 });
});

test('a v1 record written raw is migrated to the current schema on load', async ({ page }) => {
  await openHarness(page);
  const { loaded } = await page.evaluate(async () => {
    await window.storageHarness.writeRaw('db-v1', 'legacy', {
      schemaVersion: 1,
      id: 'legacy',
      name: '旧方案',
      createdAt: Date.UTC(2024, 0, 1),
      updatedAt: Date.UTC(2024, 0, 2),
      baselineId: 'sample',
      candidates: [{ id: 'C1', lng: 121.47, lat: 31.23, heightM: 25 }],
      removed: ['B1'],
    });
    return window.storageHarness.load('db-v1');
  });
  expect(loaded.migrated).toEqual([{ id: 'legacy', fromVersion: 1 }]);
  expect(loaded.scenarios[0]).toEqual({
    id: 'legacy',
    name: '旧方案',
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-02T00:00:00.000Z',
    schemaVersion: 5,
    baselineRef: { id: 'sample' },
    addedSites: [
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [121.47, 31.23] },
        properties: { id: 'C1', heightM: 25, status: 'candidate' },
      },
    ],
    modifiedSites: [],
    removedSiteIds: ['B1'],
    existingSites: [],
    poles: [],
    measurements: [],
    calibration: null,
  });
});

test('autosave writes an edit within a second, and flushes on page hide before a reload', async ({
  page,
}) => {
  await openHarness(page);
  await page.evaluate(async () => {
    await window.storageHarness.startAutosave('db-auto');
    (window as unknown as { renameScenario: (name: string) => void }).renameScenario('一秒内保存');
  });
  // Read back through a second connection without leaving the page: only the timer can have saved it.
  await page.waitForTimeout(1000);
  let { loaded } = await page.evaluate(() => window.storageHarness.load('db-auto'));
  expect(loaded.scenarios.map((scenario) => scenario.name)).toEqual(['一秒内保存']);
  await page.reload();

  await page.evaluate(async () => {
    await window.storageHarness.startAutosave('db-auto-hide');
    (window as unknown as { renameScenario: (name: string) => void }).renameScenario('关页前保存');
  });
  // Reload at once: only the pagehide flush can have written it (the debounce had no time).
  await page.reload();
  ({ loaded } = await page.evaluate(() => window.storageHarness.load('db-auto-hide')));
  expect(loaded.scenarios.map((scenario) => scenario.name)).toEqual(['关页前保存']);
});

test('a long scenario is saved in chunks: a moved site rewrites one chunk, a reload gives it back whole', async ({
  page,
}) => {
  await openHarness(page);
  const saved = await page.evaluate(() => window.storageHarness.saveLongThenMove('db-chunks', 9000));
  // 9,002 added sites in chunks of 2,000: five chunks first, then only the one holding the moved site.
  expect(saved.first).toBe(5);
  expect(saved.second).toBe(1);
  await page.reload();
  await expect(page.locator('#status')).toHaveText('ready');
  const { loaded } = await page.evaluate(() => window.storageHarness.load('db-chunks'));
  expect(loaded.scenarios).toEqual([saved.moved]);
  expect(loaded.quarantined).toEqual([]);

  // A chunk lost from the database: the original goes to quarantine with the reason and the count
  // missing, and the 7,002 sites still stored come back as the scenario.
  await page.evaluate(() => window.storageHarness.dropChunk('db-chunks', ['long', 'addedSites', 2]));
  const damaged = await page.evaluate(() => window.storageHarness.load('db-chunks'));
  expect(damaged.loaded.scenarios.map((scenario) => scenario.addedSites.length)).toEqual([7002]);
  expect(damaged.loaded.recovered[0]!.lost).toEqual([{ list: 'addedSites', lost: 2000, announced: 9002 }]);
  expect(damaged.quarantine).toHaveLength(1);
  expect(damaged.quarantine[0]!.reason.code).toBe('invalid');
  expect(damaged.quarantine[0]!.missingItems).toEqual({ addedSites: 2000 });
  expect((damaged.quarantine[0]!.record as { addedSites: unknown[] }).addedSites).toHaveLength(7002);
});

test('measurement sets are stored once beside the scenario: a rename writes none, a reload gives them back', async ({
  page,
}) => {
  await openHarness(page);
  const saved = await page.evaluate(() =>
    window.storageHarness.saveMeasurementsThenRename('db-sets', 200_000),
  );
  expect(saved.first).toBe(1);
  expect(saved.second).toBe(0);
  await page.reload();
  await expect(page.locator('#status')).toHaveText('ready');
  const loaded = await page.evaluate(() => window.storageHarness.loadMeasurementDigests('db-sets'));
  expect(loaded).toEqual([saved.digest]);
  expect(saved.digest.sets[0]!.columns.rsrpDbm).toMatch(/^Float32Array:200000:/);
  // Stored as Blobs, so that the page never serialises the columns (docs/calibration.md §7).
  await page.waitForFunction(() => window.measurementHarness !== undefined);
  const shape = await page.evaluate(() =>
    window.measurementHarness.storedSetShape('db-sets', ['measured', 'm-2026-11-02']),
  );
  expect(shape).toMatchObject({
    rowNumbers: 'Blob',
    lon: 'Blob',
    lat: 'Blob',
    rsrpDbm: 'Blob',
    sinrDb: 'Blob',
  });
  expect(shape.name).toBe('String');
});

test('a measurement set saved in the old shape (typed arrays in the record) loads, and the next save stores it as Blobs', async ({
  page,
}) => {
  await openHarness(page);
  await page.waitForFunction(() => window.measurementHarness !== undefined);
  const result = await page.evaluate(() => window.measurementHarness.openOldShapeSet('db-old-shape', 30_000));
  expect(result.version).toBe(4);
  expect(result.before).toMatchObject({ lon: 'Float64Array', rsrpDbm: 'Float32Array' });
  expect(result.quarantined).toBe(0);
  expect(result.loaded).toEqual([result.expected]);
  // Read in the old shape, the set is not known as stored the new way: the first save rewrites it;
  // the next, and a save after reloading it in the new shape, write none.
  expect(result.rewritten).toBe(1);
  expect(result.rewrittenAgain).toBe(0);
  expect(result.after).toMatchObject({ lon: 'Blob', lat: 'Blob', rsrpDbm: 'Blob', sinrDb: 'Blob' });
  expect(result.reloaded).toEqual([result.expected]);
  expect(result.writtenAfterReload).toBe(0);
});

for (const [build, stores] of [
  ['saving (revisions, settings)', ['revisions', 'scenarioSettings']],
  ['calibration (measurement sets)', ['measurementSets']],
] as const) {
  test(`a version 3 database from the ${build} build upgrades to all stores and keeps working`, async ({
    page,
  }) => {
    await openHarness(page);
    const name = `db-v3-${stores[0]}`;
    const result = await page.evaluate(
      ([databaseName, made]) => window.storageHarness.openVersion3Database(databaseName, [...made]),
      [name, stores] as const,
    );
    expect(result.version).toBe(4);
    expect(result.stores).toEqual([
      'measurementSets',
      'meta',
      'quarantine',
      'revisions',
      'scenarioSettings',
      'scenarios',
      'siteChunks',
    ]);
    expect(result.quarantined).toBe(0);
    expect(result.settings).toEqual({ mode: 'rsrp' });
    expect(result.loaded).toHaveLength(1);
    expect(result.loaded[0]!.sets.map((set) => [set.id, set.count])).toEqual([['m-1', 2]]);
  });
}
