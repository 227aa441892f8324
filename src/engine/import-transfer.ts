/**
 * The import session as the worker exposes it: the same calls, but a build's result is packed into
 * columns and its buffers transferred (a structured clone of 100,000 feature objects took seconds on
 * both threads). ImportClient unpacks it; a session exposed without this wrapper still works.
 */
import * as Comlink from 'comlink';
import type { ImportSession } from '../domain/import/import-session';
import { packImportResult } from '../domain/import/packed-result';

export function transferableImportSession(session: ImportSession): ImportSession {
  return {
    ...session,
    build: async (...args: Parameters<ImportSession['build']>) => {
      const { value, transfer } = packImportResult(await session.build(...args));
      return Comlink.transfer(value, transfer) as unknown as ReturnType<
        ImportSession['build']
      > extends Promise<infer Result>
        ? Result
        : never;
    },
  };
}
