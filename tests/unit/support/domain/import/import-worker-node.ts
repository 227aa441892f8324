/** The import worker as a Node worker thread (the browser entry's twin), for client tests. */
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { createImportSession } from '../../../../../src/domain/import/import-session';
import { createXmldomParser } from '../../../../../src/domain/import/xmldom-parser';
import { transferableImportSession } from '../../../../../src/engine/import-transfer';
import { nodeEndpoint } from './node-endpoint';

Comlink.expose(
  transferableImportSession(createImportSession({ parseXml: createXmldomParser() })),
  nodeEndpoint(parentPort!),
);
