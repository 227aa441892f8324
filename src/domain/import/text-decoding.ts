/**
 * Text decoding for imported files. Excel on Chinese Windows saves CSV in GBK, web tools in UTF-8
 * (often with a BOM), Excel's "Unicode text" in UTF-16LE. Strict UTF-8 rarely accepts GBK bytes
 * by accident, so "valid UTF-8, else GB18030" (a superset of GBK) is a safe guess.
 */

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | string;
}

const VALIDATE_CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * The encoding of text bytes and where the text starts (after a BOM), without decoding the whole file
 * into one string: by BOM, else strict UTF-8 checked chunk by chunk, else GB18030.
 */
export function detectEncoding(bytes: Uint8Array): { encoding: DecodedText['encoding']; start: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', start: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', start: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', start: 2 };
  const strict = new TextDecoder('utf-8', { fatal: true });
  try {
    for (let offset = 0; offset < bytes.byteLength; offset += VALIDATE_CHUNK_BYTES) {
      const end = Math.min(offset + VALIDATE_CHUNK_BYTES, bytes.byteLength);
      strict.decode(bytes.subarray(offset, end), { stream: end < bytes.byteLength });
    }
    return { encoding: 'utf-8', start: 0 };
  } catch {
    return { encoding: 'gb18030', start: 0 };
  }
}

/** Decodes bytes by BOM, else strict UTF-8, else GB18030. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** Decodes bytes with a named encoding, falling back to decodeText when the label is unknown. */
export function decodeWith(bytes: Uint8Array, encoding: string | undefined): DecodedText {
  if (!encoding) return decodeText(bytes);
  try {
    return { text: new TextDecoder(encoding).decode(bytes), encoding };
  } catch {
    return decodeText(bytes);
  }
}

/** The TextDecoder label for a shapefile .cpg (e.g. "UTF-8", "GBK", "936", "ANSI 936"); undefined if unknown. */
export function encodingFromCodePage(cpg: string): string | undefined {
  const label = cpg
    .trim()
    .toLowerCase()
    .replace(/^ansi\s*/, '');
  if (/^(utf-?8|65001)$/.test(label)) return 'utf-8';
  if (/^(gbk|gb2312|gb18030|cp936|936|ms936|windows-936|54936)$/.test(label)) return 'gb18030';
  if (/^(big5|950|cp950)$/.test(label)) return 'big5';
  if (/^(iso-?8859-?1|latin1|28591)$/.test(label)) return 'windows-1252';
  if (/^(1252|cp1252|windows-1252)$/.test(label)) return 'windows-1252';
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}
