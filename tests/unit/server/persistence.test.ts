/**
 * A restart keeps everything: users, sessions, scenarios (read back from their rows, in order),
 * history and submissions — on PGlite under a data directory and on PostgreSQL. Users are added with
 * the command line the README gives, run as a process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { candidate, editAs, readScenario, withAdded } from '../support/server/scenario-edits';
import {
  type Engine,
  enginesUnderTest,
  openTestDatabase,
  PASSWORD,
  pointIn,
  startTestServer,
} from '../support/server/server-harness';

const PUDONG = '310115';
const TSX = resolve('node_modules/.bin/tsx');
const CLI = resolve('src/cli/main.ts');

function cli(args: string[]) {
  const result = spawnSync(TSX, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
    timeout: 300_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const postgresUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;

for (const engine of await enginesUnderTest()) {
  describe(`a restart on ${engine}`, () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'planner-server-'));
    let schema: string | undefined;
    let dispose: () => Promise<void> = async () => undefined;
    afterAll(() => dispose());

    /** Opens the same storage each time: the data directory, or the same PostgreSQL schema. */
    async function open(kind: Engine) {
      const opened = await openTestDatabase(kind, kind === 'pglite' ? { dataDir } : schema ? { schema } : {});
      schema = opened.schema;
      dispose = opened.dispose;
      return opened.database;
    }

    it('keeps users added by the command line, sessions, scenarios, history and submissions', async () => {
      let database = await open(engine);
      const storage =
        engine === 'pglite'
          ? ['--data-dir', dataDir]
          : ['--database-url', `${postgresUrl}?options=-c%20search_path%3D${schema}`];
      await database.close();
      for (const [name, role, district] of [
        ['city1', 'city'],
        ['pudong1', 'district', PUDONG],
      ] as const) {
        const added = cli([
          'user',
          'add',
          '--name',
          name,
          '--password',
          PASSWORD,
          '--role',
          role,
          ...(district ? ['--district', district] : []),
          ...storage,
        ]);
        expect(added.stderr).toBe('');
        expect(added.code).toBe(0);
        expect(JSON.parse(added.stdout).user).toEqual({ name, role, district: district ?? null });
      }
      const refused = cli([
        'user',
        'add',
        '--name',
        'city1',
        '--password',
        PASSWORD,
        '--role',
        'city',
        ...storage,
      ]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/already exists/);

      database = await open(engine);
      let server = await startTestServer(database);
      const cityToken = await server.login('city1');
      const pudongToken = await server.login('pudong1');
      const created = await server.request({
        method: 'POST',
        url: '/api/scenarios',
        token: pudongToken,
        payload: { name: '浦东方案' },
      });
      const id = created.json().id as string;
      for (const siteId of ['a', 'b', 'c']) {
        await editAs(server, cityToken, pudongToken, id, (scenario) =>
          withAdded(scenario, candidate(siteId, pointIn(PUDONG, siteId.charCodeAt(0) * 10))),
        );
      }
      // Delete b, then put it back between a and c (an undo): its order has to survive the restart.
      const withB = await readScenario(server, cityToken, id);
      await editAs(server, cityToken, pudongToken, id, (scenario) => ({
        ...scenario,
        addedSites: scenario.addedSites.filter((site) => site.properties.id !== 'b'),
      }));
      await editAs(server, cityToken, pudongToken, id, () => withB.scenario);
      await server.request({
        method: 'POST',
        url: `/api/scenarios/${id}/submit`,
        token: pudongToken,
        payload: { note: '第一版' },
      });
      const before = await readScenario(server, cityToken, id);
      await server.close();
      await database.close();

      database = await open(engine);
      server = await startTestServer(database);
      const after = await readScenario(server, cityToken, id);
      expect(after).toEqual(before);
      expect(after.scenario.addedSites.map((site) => site.properties.id)).toEqual(['a', 'b', 'c']);
      expect(after.revision).toBe(6);
      const history = (
        await server.request({ method: 'GET', url: `/api/scenarios/${id}/history`, token: cityToken })
      ).json();
      expect(history.map((entry: { author: string }) => entry.author)).toEqual([
        'pudong1',
        'pudong1',
        'pudong1',
        'pudong1',
        'pudong1',
        'pudong1',
      ]);
      const submissions = (
        await server.request({ method: 'GET', url: '/api/submissions', token: cityToken })
      ).json();
      expect(submissions).toMatchObject([
        { scenarioId: id, district: PUDONG, note: '第一版', revision: 6, counts: { added: 3 } },
      ]);
      await server.close();
      await database.close();
    }, 300_000);
  });
}

describe('the embedded database', () => {
  it('serves one process: a second opener of the same data directory is refused with the reason', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'planner-lock-'));
    const { database } = await openTestDatabase('pglite', { dataDir });
    const second = cli([
      'user',
      'add',
      '--name',
      'late',
      '--password',
      PASSWORD,
      '--role',
      'viewer',
      '--data-dir',
      dataDir,
    ]);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/in use by the team server \(pid \d+\)/);
    await database.close();
    const third = cli([
      'user',
      'add',
      '--name',
      'late',
      '--password',
      PASSWORD,
      '--role',
      'viewer',
      '--data-dir',
      dataDir,
    ]);
    expect(third.code).toBe(0);
  }, 300_000);
});
