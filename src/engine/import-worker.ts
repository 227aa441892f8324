/// <reference lib="webworker" />
/**
 * Web Worker entry for file import: exposes the domain's import session with Comlink. Create it with
 * `new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' })` and wrap it with
 * ImportClient (import-client.ts). Workers have no DOMParser, so KML is parsed with @xmldom/xmldom.
 */
import * as Comlink from 'comlink';
import { createImportSession } from '../domain/import/import-session';
import { createXmldomParser } from '../domain/import/xmldom-parser';

Comlink.expose(createImportSession({ parseXml: createXmldomParser() }));
