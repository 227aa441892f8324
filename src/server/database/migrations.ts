/**
 * The server's schema, migrated on start: each migration runs once, in order, inside a transaction
 * that also records it in schema_migrations, so a crash half-way leaves the previous schema intact.
 * Add a migration at the end; never edit one that has shipped.
 */
import type { Database } from './database';

interface Migration {
  version: number;
  /** One statement per entry (PGlite's prepared queries take a single statement). */
  statements: readonly string[];
}

const APPEND_ONLY_TABLES = ['audit_log', 'scenario_revisions'];

const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    statements: [
      `CREATE TABLE users (
        id serial PRIMARY KEY,
        name text NOT NULL UNIQUE,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('city', 'district', 'viewer')),
        district text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((role = 'district') = (district IS NOT NULL))
      )`,
      `CREATE TABLE sessions (
        token_hash text PRIMARY KEY,
        user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`,
      // A scenario's own fields; its sites live in scenario_items, one row per item.
      `CREATE TABLE scenarios (
        id text PRIMARY KEY,
        name text NOT NULL,
        district text,
        revision integer NOT NULL,
        schema_version integer NOT NULL,
        baseline_ref jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        created_by text NOT NULL,
        updated_at timestamptz NOT NULL,
        updated_by text NOT NULL
      )`,
      // list: addedSites | modifiedSites | existingSites | poles | removedSiteIds; ord orders added sites.
      `CREATE TABLE scenario_items (
        scenario_id text NOT NULL REFERENCES scenarios(id),
        list text NOT NULL,
        item_id text NOT NULL,
        ord double precision NOT NULL DEFAULT 0,
        body jsonb NOT NULL,
        PRIMARY KEY (scenario_id, list, item_id)
      )`,
      // Each revision keeps its delta (the changed items before and after), so any one can be rebuilt.
      `CREATE TABLE scenario_revisions (
        scenario_id text NOT NULL REFERENCES scenarios(id),
        revision integer NOT NULL,
        author text NOT NULL,
        at timestamptz NOT NULL,
        kind text NOT NULL,
        summary text NOT NULL,
        counts jsonb NOT NULL,
        delta jsonb NOT NULL,
        detail jsonb,
        PRIMARY KEY (scenario_id, revision)
      )`,
      `CREATE TABLE submissions (
        id serial PRIMARY KEY,
        scenario_id text NOT NULL REFERENCES scenarios(id),
        revision integer NOT NULL,
        district text NOT NULL,
        submitted_by text NOT NULL,
        submitted_at timestamptz NOT NULL,
        note text NOT NULL DEFAULT '',
        scenario jsonb NOT NULL,
        merged_into text,
        merged_revision integer,
        merged_at timestamptz,
        merged_by text
      )`,
      `CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor text,
        action text NOT NULL,
        target text,
        detail jsonb
      )`,
      // The audit trail and the revisions are append-only for everyone, the server's own role included.
      `CREATE FUNCTION refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$`,
      ...APPEND_ONLY_TABLES.flatMap((table) => [
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
          FOR EACH ROW EXECUTE FUNCTION refuse_rewrite()`,
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewrite()`,
      ]),
    ],
  },
];

/** The newest schema version this build knows. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** Brings the database to the latest schema; returns the versions it applied. */
export async function migrate(database: Database): Promise<number[]> {
  await database.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const applied: number[] = [];
  for (const migration of MIGRATIONS) {
    const done = await database.transaction(async (transaction) => {
      // Two servers starting on one database take turns; the second finds the work done.
      await transaction.query('SELECT pg_advisory_xact_lock(1818)');
      const rows = await transaction.query('SELECT 1 FROM schema_migrations WHERE version = $1', [
        migration.version,
      ]);
      if (rows.length > 0) return false;
      for (const statement of migration.statements) await transaction.query(statement);
      await transaction.query('INSERT INTO schema_migrations (version) VALUES ($1)', [migration.version]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  const [newest] = await database.query<{ version: number }>(
    'SELECT max(version) AS version FROM schema_migrations',
  );
  if ((newest?.version ?? 0) > LATEST_SCHEMA_VERSION) {
    throw new Error(
      `the database's schema (v${newest?.version}) is newer than this server (v${LATEST_SCHEMA_VERSION}): update the server`,
    );
  }
  return applied;
}
