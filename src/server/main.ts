/**
 * `npm run server`: the team server on 127.0.0.1:PORT. Opens the database (PGlite under DATA_DIR, or
 * PostgreSQL at DATABASE_URL), migrates its schema, and serves the API until SIGINT or SIGTERM.
 */
import { buildServer } from './app';
import { describeStorage, readConfig } from './config';
import { openDatabase } from './database/database';
import { migrate } from './database/migrations';
import { loadGeography } from './geo/geography';

async function main(): Promise<void> {
  const config = readConfig();
  const database = await openDatabase(config);
  const applied = await migrate(database);
  if (applied.length > 0)
    console.log(`schema migrated: ${applied.map((version) => `v${version}`).join(', ')}`);
  const app = await buildServer({
    database,
    geography: loadGeography(),
    appOrigins: config.appOrigins,
    secureCookies: config.secureCookies,
    scenarioBodyLimitBytes: config.scenarioBodyLimitBytes,
  });
  await app.listen({ host: config.host, port: config.port });
  console.log(`team server on http://${config.host}:${config.port} — ${describeStorage(config)}`);
  console.log(`app origins allowed: ${config.appOrigins.join(', ')}`);
  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: closing`);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void close('SIGINT'));
  process.on('SIGTERM', () => void close('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`server failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
