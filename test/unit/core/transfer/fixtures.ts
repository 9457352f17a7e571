/** Builders of import files in the encodings the importer must read. */

/** Windows-1256 bytes, by inverting the platform's own decoder over all 256 byte values. */
export function encodeWindows1256(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-1256');
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte += 1) {
    table.set(decoder.decode(Uint8Array.of(byte)), byte);
  }
  return Uint8Array.from([...text], (char) => {
    const byte = table.get(char);
    if (byte === undefined) throw new Error(`no Windows-1256 byte for ${char}`);
    return byte;
  });
}

export function encodeUtf16(text: string, order: 'le' | 'be', withMark = true): Uint8Array {
  const units = [...(withMark ? '\uFEFF' : ''), ...text].flatMap((char) => {
    const codes: number[] = [];
    for (let i = 0; i < char.length; i += 1) codes.push(char.charCodeAt(i));
    return codes;
  });
  const bytes = new Uint8Array(units.length * 2);
  units.forEach((unit, i) => {
    const [high, low] = [unit >> 8, unit & 0xff];
    bytes[i * 2] = order === 'le' ? low : high;
    bytes[i * 2 + 1] = order === 'le' ? high : low;
  });
  return bytes;
}

export const utf8 = (text: string, withMark = false) =>
  new TextEncoder().encode(`${withMark ? '\uFEFF' : ''}${text}`);
