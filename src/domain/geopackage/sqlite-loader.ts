/**
 * Loading SQLite (sql.js: SQLite compiled to WebAssembly, MIT) for GeoPackage reading and writing.
 * Node finds sql-wasm.wasm beside the module; a browser worker passes `locateFile` returning the asset
 * URL Vite gives `sql.js/dist/sql-wasm.wasm?url`, so the file comes from the app's own origin. The
 * module is imported on first use only: its ~290 kB (gzip) of WebAssembly never touch the first load.
 */
import type { SqlJsStatic } from 'sql.js';

export type { Database, SqlJsStatic } from 'sql.js';

export interface SqliteLoadOptions {
  locateFile?: (file: string) => string;
}

/** Loads sql.js; the caller caches (see `sqliteLoader`). */
export async function loadSqlite(options: SqliteLoadOptions = {}): Promise<SqlJsStatic> {
  const module = await import('sql.js');
  const initSqlJs = (module as { default?: unknown }).default ?? module;
  return (initSqlJs as (config?: SqliteLoadOptions) => Promise<SqlJsStatic>)(options);
}

/** A loader that loads once and hands the same instance to every caller (a failed load is retried). */
export function sqliteLoader(options: SqliteLoadOptions = {}): () => Promise<SqlJsStatic> {
  let loading: Promise<SqlJsStatic> | null = null;
  return () => {
    loading ??= loadSqlite(options).catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
}
