/**
 * A stateful import session for the Web Worker: a read file stays here (100,000 rows are not sent
 * back and forth), the UI gets a preview, then asks for builds with its mapping and datum as often as
 * it likes. Each call carries a request id so `cancel(requestId)` can stop it. Pure TypeScript: the
 * worker entry only exposes it with Comlink, and tests call it directly.
 */
import { type GpkgLayer, writeGeoPackage } from '../geopackage/gpkg-writer';
import { type SqlJsStatic, sqliteLoader } from '../geopackage/sqlite-loader';
import { buildImport } from './build-import';
import {
  buildMeasurements,
  type MeasurementBuildOptions,
  type MeasurementImportResult,
} from './build-measurements';
import { type ImportGeography, type ImportGeographyData, prepareImportGeography } from './geography';
import { previewSource } from './import-file';
import type {
  BuildOptions,
  ImportFailure,
  ImportResult,
  ImportSource,
  ProgressCallback,
  XmlParser,
} from './import-types';
import { type ImportFileInput, readImportSource } from './read-source';

const defaultSqlite = sqliteLoader();

export type ImportPreview = ReturnType<typeof previewSource>;
export type ReadResponse =
  | { ok: true; sourceId: number; preview: ImportPreview }
  | { ok: false; failure: ImportFailure };
/** Build options that cross the worker boundary (no signal, no callback). */
export type SessionBuildOptions = Omit<BuildOptions, 'signal' | 'onProgress'>;

/**
 * Creates a session; `parseXml` reads KML (xmldom in a worker, where DOMParser does not exist),
 * `loadSqlite` reads and writes GeoPackage (the worker passes the wasm's URL).
 */
export function createImportSession(
  options: { parseXml?: XmlParser; loadSqlite?: () => Promise<SqlJsStatic> } = {},
) {
  const sources = new Map<number, ImportSource>();
  const running = new Map<number, AbortController>();
  let geography: ImportGeography | undefined;
  let nextSourceId = 1;

  async function withController<T>(requestId: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    running.set(requestId, controller);
    try {
      return await work(controller.signal);
    } finally {
      running.delete(requestId);
    }
  }

  return {
    /** Districts, land and water for the Shanghai and datum checks; without it only the bbox is checked. */
    setGeography(data: ImportGeographyData): void {
      geography = prepareImportGeography(data);
    },

    /** Reads a file and keeps it; resolves with a preview or the reason it cannot be read. */
    read(requestId: number, file: ImportFileInput, onProgress?: ProgressCallback): Promise<ReadResponse> {
      return withController(requestId, async (signal) => {
        const outcome = await readImportSource(file, {
          parseXml: options.parseXml,
          loadSqlite: options.loadSqlite,
          signal,
          onProgress,
        });
        if (!outcome.ok) return outcome;
        const sourceId = nextSourceId++;
        sources.set(sourceId, outcome.source);
        return { ok: true, sourceId, preview: previewSource(outcome.source) };
      });
    },

    /** Converts and validates a kept source; rejects with an AbortError when cancelled. */
    build(
      requestId: number,
      sourceId: number,
      buildOptions: SessionBuildOptions,
      onProgress?: ProgressCallback,
    ): Promise<ImportResult> {
      const source = sources.get(sourceId);
      if (!source) return Promise.reject(new Error(`unknown import source ${sourceId}`));
      return withController(requestId, (signal) =>
        buildImport(source, { ...buildOptions, signal, onProgress }, geography),
      );
    },

    /** Reads a kept source as measurements (drive test, MR); rejects with an AbortError when cancelled. */
    buildMeasurements(
      requestId: number,
      sourceId: number,
      buildOptions: Omit<MeasurementBuildOptions, 'signal' | 'onProgress'>,
      onProgress?: ProgressCallback,
    ): Promise<MeasurementImportResult> {
      const source = sources.get(sourceId);
      if (!source) return Promise.reject(new Error(`unknown import source ${sourceId}`));
      return withController(requestId, (signal) =>
        buildMeasurements(source, { ...buildOptions, signal, onProgress }, geography),
      );
    },

    /** Forgets a kept source (after import or when the dialog closes). */
    release(sourceId: number): void {
      sources.delete(sourceId);
    },

    /** Stops a running read or build. */
    cancel(requestId: number): void {
      running.get(requestId)?.abort();
    },

    /** A GeoPackage of these layers (export), written here so the page never blocks on SQLite. */
    async writeGeoPackage(layers: readonly GpkgLayer[], nowIso: string): Promise<Uint8Array> {
      const sqlite = await (options.loadSqlite ?? defaultSqlite)();
      return writeGeoPackage(sqlite, layers, nowIso);
    },
  };
}

export type ImportSession = ReturnType<typeof createImportSession>;
