/**
 * Random (version 4) UUIDs for records made by the thousand: `crypto.randomUUID()` cost the
 * page about 2.6 µs each in Chromium, 260 ms of a 100,000-row import's write (docs/
 * benchmarks.md). These take their randomness from `crypto.getRandomValues`, 4 KB at a time.
 */

const IDS_PER_FILL = 256;
const HEX_CODES = Uint8Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0));
/** Where the hyphens go: before bytes 4, 6, 8 and 10 (those bits set). */
const HYPHEN_BEFORE = 0b101_0101_0000;

/** A source of random UUIDs (lowercase, `xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx`). */
export function randomIds(): () => string {
  const pool = new Uint8Array(16 * IDS_PER_FILL);
  let next = pool.length;
  const codes: number[] = new Array<number>(36).fill(0x2d);
  return () => {
    if (next === pool.length) {
      crypto.getRandomValues(pool);
      next = 0;
    }
    const at = next;
    next += 16;
    // Version 4 and the RFC 9562 variant, as randomUUID() sets them.
    pool[at + 6] = ((pool[at + 6] ?? 0) & 0x0f) | 0x40;
    pool[at + 8] = ((pool[at + 8] ?? 0) & 0x3f) | 0x80;
    let out = 0;
    for (let byte = 0; byte < 16; byte += 1) {
      out += (HYPHEN_BEFORE >>> byte) & 1;
      const value = pool[at + byte] ?? 0;
      codes[out++] = HEX_CODES[value >>> 4] ?? 0;
      codes[out++] = HEX_CODES[value & 15] ?? 0;
    }
    // One flat string (a concatenation would leave a tree of pieces per id).
    return String.fromCharCode(...codes);
  };
}

/** One shared source, for records made in bulk (an import's contacts). */
export const nextRandomId = randomIds();
