/**
 * The team server for tests, on either engine: PGlite (in memory, or under a data directory) and a
 * real PostgreSQL when TEST_DATABASE_URL or DATABASE_URL names one. Each PostgreSQL harness gets its
 * own schema, dropped at the end. Outside CI a PostgreSQL that is not reachable skips its half with a
 * printed reason; under CI=true it fails.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildServer, type ServerOptions } from '../../../../src/server/app';
import { setScryptCostForTests } from '../../../../src/server/auth/passwords';
import { addUser, type Role } from '../../../../src/server/auth/users';
import {
  type Database,
  openPglite,
  openPostgres,
  pgliteTemplate,
  quoteIdentifier,
} from '../../../../src/server/database/database';
import { migrate } from '../../../../src/server/database/migrations';
import { type Geography, loadGeography } from '../../../../src/server/geo/geography';

export type Engine = 'pglite' | 'postgresql';
export const APP_ORIGIN = 'http://127.0.0.1:4251';
export const PASSWORD = 'correct horse battery staple';

// Every harness user's password is hashed and checked at a low scrypt cost: the same algorithm and
// format, without 0.5–3 s of CPU per hash (tests/unit/server/auth/passwords.test.ts checks the default).
setScryptCostForTests(2 ** 10);

const isCi = process.env.CI === 'true' || process.env.CI === '1';
const postgresUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;

async function reachable(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The engines to test on. Call once at the top of a test file (top-level await). */
export async function enginesUnderTest(): Promise<Engine[]> {
  if (!postgresUrl) {
    if (isCi)
      throw new Error(
        'CI=true: set DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL for the server tests',
      );
    console.warn('⚠ no DATABASE_URL / TEST_DATABASE_URL: the PostgreSQL half of the server tests is SKIPPED');
    return ['pglite'];
  }
  const problem = await reachable(postgresUrl);
  if (problem) {
    if (isCi) throw new Error(`CI=true: PostgreSQL at DATABASE_URL is not reachable: ${problem}`);
    console.warn(
      `⚠ PostgreSQL not reachable (${problem}): the PostgreSQL half of the server tests is SKIPPED`,
    );
    return ['pglite'];
  }
  return ['pglite', 'postgresql'];
}

let geography: Geography | undefined;
export function testGeography(): Geography {
  geography ??= loadGeography();
  return geography;
}

/** initdb takes seconds; every in-memory PGlite after the first starts from a dump of a fresh one. */
async function template(): Promise<Blob> {
  const path = join(tmpdir(), 'planner-pglite-template-0.5.tar');
  if (existsSync(path)) return new Blob([readFileSync(path)]);
  const dump = await pgliteTemplate();
  const partial = `${path}.${process.pid}`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, path);
  return dump;
}

export interface OpenedDatabase {
  database: Database;
  /** Drops what the harness made (the PostgreSQL schema). */
  dispose(): Promise<void>;
}

/** A migrated database on the engine; `dataDir` keeps PGlite on disk, `schema` reuses a PostgreSQL schema. */
export async function openTestDatabase(engine: Engine, place: { dataDir?: string; schema?: string } = {}) {
  if (engine === 'pglite') {
    // A data directory that already holds a database opens as it is; an empty one starts from the template.
    const fresh = !place.dataDir || !existsSync(join(place.dataDir, 'PG_VERSION'));
    const database = await openPglite(place.dataDir, fresh ? { template: await template() } : {});
    await migrate(database);
    return { database, schema: undefined, dispose: async () => undefined };
  }
  const schema = place.schema ?? `test_${randomBytes(6).toString('hex')}`;
  const database = await openPostgres(postgresUrl!, { schema, poolSize: 25 });
  await migrate(database);
  const dispose = async () => {
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
    await admin.end();
  };
  return { database, schema, dispose };
}

export interface TestServer {
  app: FastifyInstance;
  database: Database;
  request(options: InjectOptions & { token?: string | undefined }): Promise<LightMyRequestResponse>;
  /** Signs in and returns the bearer token. */
  login(name: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export async function startTestServer(
  database: Database,
  options: Partial<ServerOptions> = {},
): Promise<TestServer> {
  const app = await buildServer({
    database,
    geography: testGeography(),
    appOrigins: [APP_ORIGIN],
    ...options,
  });
  const request: TestServer['request'] = ({ token, headers, ...rest }) =>
    app.inject({ ...rest, headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  return {
    app,
    database,
    request,
    async login(name, password = PASSWORD) {
      const response = await request({ method: 'POST', url: '/api/login', payload: { name, password } });
      if (response.statusCode !== 200)
        throw new Error(`login ${name}: ${response.statusCode} ${response.body}`);
      return response.json().token as string;
    },
    close: () => app.close(),
  };
}

/** Adds users (name, role, district) with the shared test password. */
export async function addUsers(database: Database, users: readonly [string, Role, string?][]): Promise<void> {
  const districts = new Set(testGeography().districts.keys());
  await Promise.all(
    users.map(([name, role, district]) =>
      addUser(database, { name, password: PASSWORD, role, district }, districts),
    ),
  );
}

/** A point inside the district, from a baseline site that lies in it (by position), nudged by `offset` metres east. */
const points = new Map<string, [number, number]>();
export function pointIn(district: string, offsetM = 0): [number, number] {
  const key = `${district}:${offsetM}`;
  const known = points.get(key);
  if (known) return [...known];
  const { baseline, districtOf } = testGeography();
  for (const site of baseline.features) {
    const [lon = 0, lat = 0] = site.geometry.coordinates;
    const shifted = lon + offsetM / 95_000;
    if (districtOf(lon, lat) === district && districtOf(shifted, lat) === district) {
      points.set(key, [shifted, lat]);
      return [shifted, lat];
    }
  }
  throw new Error(`no baseline site in ${district}`);
}

/** A baseline site lying in the district. */
export function baselineSiteIn(district: string) {
  const { baseline, districtOf } = testGeography();
  const site = baseline.features.find(
    (feature) => districtOf(feature.geometry.coordinates[0]!, feature.geometry.coordinates[1]!) === district,
  );
  if (!site) throw new Error(`no baseline site in ${district}`);
  return site;
}
