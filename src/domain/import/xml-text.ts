/** Small helpers for reading XML as text (xlsx parts) and for refusing XML that declares entities. */
import { ImportFailureError } from './limits';

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Replaces the five XML entities and numeric character references; unknown entities stay as written. */
export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code =
        body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

/**
 * Refuses XML with a document type declaration: entity definitions there are how "billion laughs"
 * and external-entity attacks work, and KML/OOXML never need one.
 */
export function rejectDoctype(text: string): void {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new ImportFailureError('xmlDoctype');
}

const ATTRIBUTE_PATTERNS = new Map<string, RegExp>();

/** The value of attribute `name` in an XML start tag's attribute text, decoded. */
export function attributeOf(attributes: string, name: string): string | undefined {
  let pattern = ATTRIBUTE_PATTERNS.get(name);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)(?:\\w+:)?${name}\\s*=\\s*("([^"]*)"|'([^']*)')`);
    ATTRIBUTE_PATTERNS.set(name, pattern);
  }
  const match = pattern.exec(attributes);
  if (!match) return undefined;
  return decodeXmlEntities(match[2] ?? match[3] ?? '');
}
