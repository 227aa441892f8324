/** The import worker as a Node worker thread (the browser entry's twin), for client tests. */
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { createImportSession } from '../../../../../src/domain/import/import-session';
import { createXmldomParser } from '../../../../../src/domain/import/xmldom-parser';
import { nodeEndpoint } from './node-endpoint';

Comlink.expose(createImportSession({ parseXml: createXmldomParser() }), nodeEndpoint(parentPort!));
