/**
 * The server's settings, all from the environment (nothing secret lives in the repository):
 * PORT (8787), DATA_DIR (.data/server, the embedded database), DATABASE_URL (a real PostgreSQL instead),
 * APP_ORIGIN (comma-separated browser origins allowed by CORS; the app's dev and preview origins by
 * default), COOKIE_SECURE=true behind HTTPS, SCENARIO_BODY_LIMIT_MB (64).
 */
import { DEFAULT_SCENARIO_BODY_LIMIT_BYTES } from './app';

export interface ServerConfig {
  host: '127.0.0.1';
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  appOrigins: string[];
  secureCookies: boolean;
  scenarioBodyLimitBytes: number;
}

export const DEFAULT_PORT = 8787;
export const DEFAULT_DATA_DIR = '.data/server';
export const DEFAULT_APP_ORIGINS = [
  'http://127.0.0.1:5173',
  'http://localhost:5173',
  'http://127.0.0.1:4173',
  'http://localhost:4173',
];

function integer(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function origins(raw: string | undefined): string[] {
  if (!raw) return DEFAULT_APP_ORIGINS;
  const list = raw
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of list) {
    const url = new URL(origin);
    if (url.origin !== origin)
      throw new Error(`APP_ORIGIN entries are origins (scheme://host:port), got "${origin}"`);
  }
  return list;
}

export function readConfig(environment: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    host: '127.0.0.1',
    port: integer('PORT', environment.PORT, DEFAULT_PORT, 1, 65_535),
    dataDir: environment.DATA_DIR || DEFAULT_DATA_DIR,
    databaseUrl: environment.DATABASE_URL || undefined,
    appOrigins: origins(environment.APP_ORIGIN),
    secureCookies: environment.COOKIE_SECURE === 'true',
    scenarioBodyLimitBytes:
      integer(
        'SCENARIO_BODY_LIMIT_MB',
        environment.SCENARIO_BODY_LIMIT_MB,
        DEFAULT_SCENARIO_BODY_LIMIT_BYTES / 2 ** 20,
        1,
        1024,
      ) *
      2 ** 20,
  };
}

/** Where the data is, for logs: never the password in a DATABASE_URL. */
export function describeStorage(config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>): string {
  if (!config.databaseUrl) return `embedded PostgreSQL (PGlite) in ${config.dataDir}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
