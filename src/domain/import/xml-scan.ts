/**
 * Linear scanning of machine-written XML (xlsx parts) with indexOf instead of regular expressions:
 * every search moves forward, so a part costs time in proportion to its size whatever it holds —
 * a million empty rows, an element that never closes, a 200,000-digit value.
 */

const NAME_ENDS = new Set([' ', '\t', '\r', '\n', '>', '/']);

/**
 * Index of the next start tag `<name` (the name whole: `<c` does not match `<col`) at or after
 * `from`, or -1.
 */
export function indexOfTag(xml: string, openName: string, from: number): number {
  let at = xml.indexOf(openName, from);
  while (at >= 0 && !NAME_ENDS.has(xml[at + openName.length] ?? '')) at = xml.indexOf(openName, at + 1);
  return at;
}

export interface ElementSpan {
  /** The text between the element's name and the end of its start tag (its attributes). */
  attributes: string;
  /** Where its content starts and ends (equal for an empty or self-closing element). */
  contentStart: number;
  contentEnd: number;
  /** Where scanning continues after the element. */
  next: number;
}

/**
 * The element whose start tag begins at `open` (found by indexOfTag). An element that never closes
 * runs to `limit`, so a truncated part is read as far as it goes. Undefined when its start tag is cut.
 */
export function elementAt(
  xml: string,
  open: number,
  openName: string,
  closeTag: string,
  limit: number,
  search?: ForwardSearch,
): ElementSpan | undefined {
  const tagEnd = xml.indexOf('>', open);
  if (tagEnd < 0 || tagEnd >= limit) return undefined;
  const attributes = xml.slice(open + openName.length, tagEnd);
  if (xml[tagEnd - 1] === '/') {
    return { attributes, contentStart: tagEnd + 1, contentEnd: tagEnd + 1, next: tagEnd + 1 };
  }
  const close = search ? search(closeTag, tagEnd + 1) : xml.indexOf(closeTag, tagEnd + 1);
  if (close < 0 || close > limit)
    return { attributes, contentStart: tagEnd + 1, contentEnd: limit, next: limit };
  return { attributes, contentStart: tagEnd + 1, contentEnd: close, next: close + closeTag.length };
}

/**
 * The namespace prefix ("x:" or "") of a part's root element `rootName`: OOXML writers use the root's
 * prefix for the whole part. Only the part's head is looked at (the root follows the declaration).
 */
export function rootPrefix(xml: string, rootName: string): string {
  const match = new RegExp(`<([\\w.-]{1,32}:)?${rootName}[\\s>/]`).exec(xml.slice(0, 8192));
  return match?.[1] ?? '';
}

export type ForwardSearch = (needle: string, from: number) => number;

/**
 * indexOfTag (for `<name`) or indexOf (for an end tag such as `</row>`) with memory, for scans whose
 * positions only move forward: the answer for a needle is kept while the position has not passed it,
 * so something rare or absent (an inline string, a phonetic run, the end tag of an element that never
 * closes) is searched for once, not once per row — which would make a scan quadratic.
 */
export function forwardSearch(xml: string): ForwardSearch {
  const found = new Map<string, { from: number; at: number }>();
  return (needle, from) => {
    const cached = found.get(needle);
    if (cached && from >= cached.from && (cached.at < 0 || cached.at >= from)) return cached.at;
    const at = needle.endsWith('>') ? xml.indexOf(needle, from) : indexOfTag(xml, needle, from);
    found.set(needle, { from, at });
    return at;
  };
}
