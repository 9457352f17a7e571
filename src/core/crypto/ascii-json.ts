/**
 * JSON as ASCII bytes: every character beyond ASCII written as a \uXXXX escape. Sealed
 * values are stored this way because Chromium decodes ASCII bytes about ten times faster
 * than UTF-8 with Arabic in it (0.03 s against 0.3 s for 100,000 contacts at unlock), and
 * JSON.parse reads the escapes back at little cost. Anything valid JSON decodes the same, so
 * values sealed earlier as plain UTF-8 still open.
 */
const HEX = Uint8Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0));
const BACKSLASH = 0x5c;
const LETTER_U = 0x75;

export function encodeAsciiJson(value: unknown): Uint8Array<ArrayBuffer> {
  // undefined has no JSON: stored as null, as JSON.stringify inside arrays does.
  const text = JSON.stringify(value) ?? 'null';
  let bytes = new Uint8Array(text.length + 64);
  let length = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (length + 6 > bytes.length) {
      const grown = new Uint8Array(bytes.length * 2);
      grown.set(bytes);
      bytes = grown;
    }
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      bytes[length++] = code;
      continue;
    }
    // Outside strings JSON text is ASCII, so this is inside a string: an escape is valid
    // there, and a surrogate pair becomes two escapes that JSON.parse joins again.
    bytes[length++] = BACKSLASH;
    bytes[length++] = LETTER_U;
    bytes[length++] = HEX[code >> 12] ?? 0;
    bytes[length++] = HEX[(code >> 8) & 15] ?? 0;
    bytes[length++] = HEX[(code >> 4) & 15] ?? 0;
    bytes[length++] = HEX[code & 15] ?? 0;
  }
  return bytes.slice(0, length);
}
