/**
 * Typed main-thread client for the import worker. A file's bytes are transferred (not copied) to the
 * worker, which keeps the parsed rows; the UI gets a preview, then builds with its mapping and datum.
 * `cancel()` stops the running read or build, whose promise then resolves to undefined. The worker is
 * always cancellable: reading a sheet or a KML runs without a break, so when the worker has not
 * stopped shortly after a cancel, a client that owns its worker terminates it and starts a fresh one
 * (its kept sources are gone with it; the dialog reads the next file anew).
 */
import * as Comlink from 'comlink';
import type { GpkgLayer } from '../domain/geopackage/gpkg-writer';
import type { MeasurementBuildOptions, MeasurementImportResult } from '../domain/import/build-measurements';
import type { ImportGeographyData } from '../domain/import/geography';
import type { ImportSession, ReadResponse, SessionBuildOptions } from '../domain/import/import-session';
import type { ImportResult, ProgressCallback } from '../domain/import/import-types';
import { isAbortError } from '../domain/import/limits';
import { type PackedImportResult, unpackImportResult } from '../domain/import/packed-result';

/** A worker the client owns: its message endpoint and how to stop it. */
export interface WorkerHandle {
  endpoint: Comlink.Endpoint;
  terminate(): void;
}

/** How long a cancelled request may take to stop before its worker is terminated, ms. */
export const CANCEL_GRACE_MS = 400;

export class ImportClient {
  private remote!: Comlink.Remote<ImportSession>;
  private handle: WorkerHandle | undefined;
  private nextRequestId = 0;
  private running: { id: number; stop: () => void } | undefined;
  private geography: ImportGeographyData | undefined;

  /**
   * Wrap a Comlink endpoint (a MessagePort in tests), or own a worker through a factory: only an
   * owned worker can be terminated when a cancel is not heard.
   */
  constructor(private readonly source: Comlink.Endpoint | (() => WorkerHandle)) {
    this.connect();
  }

  private connect(): void {
    if (typeof this.source === 'function') {
      this.handle = this.source();
      this.remote = Comlink.wrap<ImportSession>(this.handle.endpoint);
    } else {
      this.remote = Comlink.wrap<ImportSession>(this.source);
    }
  }

  /** Districts, land and water for the in-Shanghai and datum checks (sent again to a fresh worker). */
  setGeography(data: ImportGeographyData): Promise<void> {
    this.geography = data;
    return this.remote.setGeography(data);
  }

  /** Reads a dropped or picked file; undefined when cancelled. The File's bytes move to the worker. */
  async read(
    file: File | { name: string; bytes: Uint8Array },
    onProgress?: ProgressCallback,
  ): Promise<ReadResponse | undefined> {
    const bytes = file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : file.bytes;
    const input = Comlink.transfer({ name: file.name, bytes }, [bytes.buffer as ArrayBuffer]);
    return this.request(
      (requestId, progress) => this.remote.read(requestId, input, progress) as Promise<ReadResponse>,
      onProgress,
    );
  }

  /** Builds features and the report from a read source; undefined when cancelled. */
  async build(
    sourceId: number,
    options: SessionBuildOptions,
    onProgress?: ProgressCallback,
  ): Promise<ImportResult | undefined> {
    // The worker sends the result packed (import-transfer.ts); a plain session sends it as is.
    const result = await this.request(
      (requestId, progress) =>
        this.remote.build(requestId, sourceId, options, progress) as Promise<
          ImportResult | PackedImportResult
        >,
      onProgress,
    );
    return result && unpackImportResult(result);
  }

  /** Reads a read source as measurements; undefined when cancelled. */
  buildMeasurements(
    sourceId: number,
    options: Omit<MeasurementBuildOptions, 'signal' | 'onProgress'>,
    onProgress?: ProgressCallback,
  ): Promise<MeasurementImportResult | undefined> {
    return this.request(
      (requestId, progress) => this.remote.buildMeasurements(requestId, sourceId, options, progress),
      onProgress,
    );
  }

  /** A GeoPackage of these layers, written in the worker. */
  writeGeoPackage(layers: readonly GpkgLayer[], nowIso: string): Promise<Uint8Array> {
    return this.remote.writeGeoPackage(layers, nowIso);
  }

  /** Lets the worker drop a source's rows. */
  release(sourceId: number): Promise<void> {
    return this.remote.release(sourceId);
  }

  /**
   * Stops the running read or build. If it has not stopped within CANCEL_GRACE_MS (a long read runs
   * without yielding), an owned worker is terminated and replaced, and the request ends at once.
   */
  cancel(): void {
    const running = this.running;
    if (!running) return;
    void this.remote.cancel(running.id).catch(() => undefined);
    if (!this.handle) return;
    setTimeout(() => {
      if (this.running !== running) return;
      this.handle?.terminate();
      this.remote[Comlink.releaseProxy]();
      running.stop();
      this.connect();
      if (this.geography) void this.remote.setGeography(this.geography).catch(() => undefined);
    }, CANCEL_GRACE_MS);
  }

  /** Release the proxy and terminate an owned worker. */
  dispose(): void {
    this.remote[Comlink.releaseProxy]();
    this.handle?.terminate();
  }

  private async request<T>(
    call: (requestId: number, progress: ProgressCallback | undefined) => Promise<T>,
    onProgress: ProgressCallback | undefined,
  ): Promise<T | undefined> {
    const requestId = ++this.nextRequestId;
    let stop = (): void => undefined;
    const stopped = new Promise<undefined>((resolve) => {
      stop = () => resolve(undefined);
    });
    const running = { id: requestId, stop };
    this.running = running;
    try {
      return await Promise.race([
        call(requestId, onProgress ? Comlink.proxy(onProgress) : undefined),
        stopped,
      ]);
    } catch (error) {
      if (isAbortError(error)) return undefined;
      throw error;
    } finally {
      if (this.running === running) this.running = undefined;
    }
  }
}
