/**
 * Typed main-thread client for the import worker. A file's bytes are transferred (not copied) to the
 * worker, which keeps the parsed rows; the UI gets a preview, then builds with its mapping and datum.
 * `cancel()` stops the running read or build, whose promise then resolves to undefined.
 */
import * as Comlink from 'comlink';
import type { MeasurementBuildOptions, MeasurementImportResult } from '../domain/import/build-measurements';
import type { ImportGeographyData } from '../domain/import/geography';
import type { ImportSession, ReadResponse, SessionBuildOptions } from '../domain/import/import-session';
import type { ImportResult, ProgressCallback } from '../domain/import/import-types';
import { isAbortError } from '../domain/import/limits';

export class ImportClient {
  private readonly remote: Comlink.Remote<ImportSession>;
  private nextRequestId = 0;
  private running: number | undefined;

  /** Wrap a Worker (or any Comlink endpoint, e.g. a MessagePort in tests). */
  constructor(endpoint: Comlink.Endpoint) {
    this.remote = Comlink.wrap<ImportSession>(endpoint);
  }

  /** Districts, land and water for the in-Shanghai and datum checks (send once). */
  setGeography(data: ImportGeographyData): Promise<void> {
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
  build(
    sourceId: number,
    options: SessionBuildOptions,
    onProgress?: ProgressCallback,
  ): Promise<ImportResult | undefined> {
    return this.request(
      (requestId, progress) => this.remote.build(requestId, sourceId, options, progress),
      onProgress,
    );
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

  /** Lets the worker drop a source's rows. */
  release(sourceId: number): Promise<void> {
    return this.remote.release(sourceId);
  }

  /** Stops the running read or build. */
  cancel(): void {
    if (this.running !== undefined) void this.remote.cancel(this.running);
  }

  /** Release the proxy (terminate the worker separately if you own it). */
  dispose(): void {
    this.remote[Comlink.releaseProxy]();
  }

  private async request<T>(
    call: (requestId: number, progress: ProgressCallback | undefined) => Promise<T>,
    onProgress: ProgressCallback | undefined,
  ): Promise<T | undefined> {
    const requestId = ++this.nextRequestId;
    this.running = requestId;
    try {
      return await call(requestId, onProgress ? Comlink.proxy(onProgress) : undefined);
    } catch (error) {
      if (isAbortError(error)) return undefined;
      throw error;
    } finally {
      if (this.running === requestId) this.running = undefined;
    }
  }
}
