/**
 * The XML parser adapter for places without a DOMParser (Web Workers, Node, tests): @xmldom/xmldom.
 * The import core takes it as an injected XmlParser, so it never depends on a DOM implementation.
 */
import { DOMParser } from '@xmldom/xmldom';
import type { XmlParser } from './import-types';

/** An XmlParser that throws on XML errors (not on warnings) and never writes to the console. */
export function createXmldomParser(): XmlParser {
  return (text: string) =>
    new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(text, 'text/xml');
}
