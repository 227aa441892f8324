/// <reference lib="webworker" />
/**
 * Web Worker entry for file import: exposes the domain's import session with Comlink. Create it with
 * `new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' })` and wrap it with
 * ImportClient (import-client.ts). Workers have no DOMParser, so KML is parsed with @xmldom/xmldom;
 * GeoPackages are read and written with sql.js. A build's result crosses packed (its features and
 * findings in transferred columns), and the client unpacks it.
 */
import * as Comlink from 'comlink';
import sqliteWasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { sqliteLoader } from '../domain/geopackage/sqlite-loader';
import { createImportSession } from '../domain/import/import-session';
import { createXmldomParser } from '../domain/import/xmldom-parser';
import { transferableImportSession } from './import-transfer';

// SQLite (GeoPackage) loads on the first .gpkg only, from this app's own origin.
const loadSqlite = sqliteLoader({ locateFile: () => sqliteWasmUrl });
Comlink.expose(
  transferableImportSession(createImportSession({ parseXml: createXmldomParser(), loadSqlite })),
);
