/**
 * A GBK encoder for making test files, built by inverting the platform's GBK decoder (Node and
 * browsers only decode GBK). Two-byte codes only, which covers all common Chinese characters.
 */
let table: Map<string, [number, number]> | undefined;

function buildTable(): Map<string, [number, number]> {
  const decoder = new TextDecoder('gbk');
  const map = new Map<string, [number, number]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const text = decoder.decode(new Uint8Array([lead, trail]));
      if (text.length === 1 && text !== '\uFFFD' && !map.has(text)) map.set(text, [lead, trail]);
    }
  }
  return map;
}

/** Encodes text as GBK; throws on a character GBK cannot hold. */
export function encodeGbk(text: string): Uint8Array {
  table ??= buildTable();
  const bytes: number[] = [];
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const pair = table.get(character);
    if (!pair) throw new Error(`GBK cannot encode ${JSON.stringify(character)}`);
    bytes.push(pair[0], pair[1]);
  }
  return new Uint8Array(bytes);
}
