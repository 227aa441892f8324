/**
 * One small interface over the two PostgreSQL engines the server runs on: PGlite (PostgreSQL compiled
 * to WebAssembly, embedded in the process, its files under DATA_DIR) for a machine with nothing
 * installed, and a real PostgreSQL server through `pg` when DATABASE_URL is set. Both speak the same
 * SQL, so the rest of the server is written once.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock';

export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface Database extends Queryable {
  /** 'pglite' or 'postgresql', for logs and the health endpoint. */
  readonly engine: 'pglite' | 'postgresql';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<Result>(work: (transaction: Queryable) => Promise<Result>): Promise<Result>;
  close(): Promise<void>;
}

/**
 * The embedded engine. `dataDir` undefined keeps the database in memory (tests); `template` starts it
 * from a dump of an already initialised data directory instead of running initdb (seconds saved per
 * test file).
 */
export async function openPglite(
  dataDir: string | undefined,
  options: { template?: Blob; holder?: string } = {},
): Promise<Database> {
  let unlock: () => void = () => undefined;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    unlock = lockDataDir(dataDir, options.holder ?? 'the team server');
  }
  const createOptions = options.template ? { loadDataDir: options.template } : {};
  const database = await (dataDir
    ? PGlite.create(dataDir, createOptions)
    : PGlite.create(createOptions)
  ).catch((error: unknown) => {
    unlock();
    throw error;
  });
  return {
    engine: 'pglite',
    async query(sql, params) {
      return (await database.query(sql, params as unknown[])).rows as never[];
    },
    // PGlite has one connection: its transaction holds it, and every other query waits for the commit.
    transaction(work) {
      return database.transaction((transaction) =>
        work({
          async query(sql, params) {
            return (await transaction.query(sql, params as unknown[])).rows as never[];
          },
        }),
      );
    },
    async close() {
      await database.close();
      unlock();
    },
  };
}

/** Dumps an in-memory PGlite's data directory, to start further ones from it (see openPglite). */
export async function pgliteTemplate(): Promise<Blob> {
  const database = await PGlite.create();
  const dump = await database.dumpDataDir('none');
  await database.close();
  return dump;
}

/**
 * A real PostgreSQL through a connection pool. `schema` (tests) puts every table in that schema, so
 * test files share one database without seeing each other's rows.
 */
export async function openPostgres(url: string, options: { schema?: string; poolSize?: number } = {}) {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client that loses its connection emits 'error'; without a listener that would end the process.
  pool.on('error', (error) => console.error('postgresql pool:', error.message));
  if (options.schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(options.schema)}`);
  const database: Database = {
    engine: 'postgresql',
    async query(sql, params) {
      return (await pool.query(sql, params as unknown[])).rows;
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          async query(sql, params) {
            return (await client.query(sql, params as unknown[])).rows;
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
  return database;
}

/** Double-quotes an SQL identifier; only letters, digits and underscores are accepted. */
export function quoteIdentifier(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`not a plain SQL identifier: ${name}`);
  return `"${name}"`;
}

/** Opens whichever engine the configuration names: PostgreSQL with a URL, else PGlite under dataDir. */
export function openDatabase(
  config: { databaseUrl?: string | undefined; dataDir: string },
  holder?: string,
): Promise<Database> {
  return config.databaseUrl
    ? openPostgres(config.databaseUrl)
    : openPglite(config.dataDir, holder ? { holder } : {});
}
