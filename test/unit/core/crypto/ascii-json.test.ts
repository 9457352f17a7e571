import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeAsciiJson, withAsciiJsonInSlices, writeJsonInParts } from '@core/crypto/ascii-json';
import { utf8 } from '@core/crypto/bytes';
import { aesGcmCipher } from '@core/crypto/record-cipher';
import { seal } from '@core/crypto/sealed';

const decoded = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes)) as unknown;
const isAscii = (bytes: Uint8Array) => bytes.every((byte) => byte < 0x80);
/** The sliced encoding's bytes, copied out of the writer's reused buffer. */
const encodeAsciiJsonInSlices = (value: unknown) =>
  withAsciiJsonInSlices(value, async (bytes) => bytes.slice());

describe('sealed JSON as ASCII', () => {
  it('writes Arabic, emoji and lone surrogates as escapes that parse back to the same text', () => {
    const value = {
      name: 'فاطمة الزهراء',
      note: 'Spoke at the hearing 🏳️‍🌈 — «مرحبا»',
      lone: 'a\ud800b',
      control: 'tab\tquote"backslash\\',
      list: ['é', 1, true, null],
    };
    const bytes = encodeAsciiJson(value);
    expect(isAscii(bytes)).toBe(true);
    expect(new TextDecoder().decode(bytes)).toContain('\\u0641\\u0627\\u0637');
    expect(decoded(bytes)).toEqual(JSON.parse(JSON.stringify(value)));
  });

  it('round-trips any JSON value, and is ASCII whatever the text', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.string({ unit: 'binary' }), (value, text) => {
        const bytes = encodeAsciiJson({ value, text });
        expect(isAscii(bytes)).toBe(true);
        expect(decoded(bytes)).toEqual(JSON.parse(JSON.stringify({ value, text })));
      }),
    );
  });

  it('grows past its first guess for text that is all escapes', () => {
    const text = 'ش'.repeat(10_000);
    const bytes = encodeAsciiJson(text);
    expect(bytes.length).toBe(2 + 6 * 10_000);
    expect(decoded(bytes)).toBe(text);
  });

  it('writes a long text in slices to the same bytes', async () => {
    const value = { terms: Array.from({ length: 60_000 }, (_, n) => `فاطمة${n} anna${n}`) };
    const sliced = await encodeAsciiJsonInSlices(value);
    expect(JSON.stringify(value).length).toBeGreaterThan(1 << 19);
    // Compared as one buffer: element-wise equality of megabytes is slow.
    expect(Buffer.from(sliced).equals(Buffer.from(encodeAsciiJson(value)))).toBe(true);
    expect(decoded(sliced)).toEqual(value);
  });

  it('writes a long string and a long array inside a value in parts, to the same bytes', async () => {
    // A surrogate pair across the 2^18-character slice boundary, quotes and a control character.
    const terms = `${'a'.repeat((1 << 18) - 1)}😀"\n${'ب '.repeat(200_000)}\ud800 end`;
    const value = {
      index: {
        ids: Array.from({ length: 10_000 }, (_, n) => (n % 7 === 0 ? undefined : `id-${n}`)),
        terms,
        // Strings only (written without stringifying), some of them to escape.
        names: Array.from({ length: 10_000 }, (_, n) =>
          n % 999 === 0 ? `"q\\${n}\t\ud83d\ude00\udc00` : `اسم ${n}`,
        ),
        postings: `${'Ab0-_'.repeat(200_000)}\\${'z'.repeat(300_000)}`,
      },
      hashes: [1, 2],
    };
    const sliced = await encodeAsciiJsonInSlices(value);
    expect(Buffer.from(sliced).equals(Buffer.from(encodeAsciiJson(value)))).toBe(true);
    expect(decoded(sliced)).toEqual(JSON.parse(JSON.stringify(value)));
  });

  it('writes a list of long texts (the search copy in parts) a text at a time', async () => {
    // 40 parts of 20,000 characters: more than a slice together, each below one.
    const parts = Array.from({ length: 40 }, (_, n) =>
      `${n}"ب\\`.padEnd(20_000, n % 2 ? 'a' : 'ش'),
    );
    const value = { index: { terms: parts, postings: ['short', 'list'] }, hashes: [1] };
    let text = '';
    let pauses = 0;
    const writer = {
      write: (from: string, start: number, end: number) => (text += from.slice(start, end)),
    };
    await writeJsonInParts(writer, value, 2, async () => {
      pauses += 1;
    });
    expect(text).toBe(JSON.stringify(value));
    // A pause after each part at least: no step writes them all.
    expect(pauses).toBeGreaterThanOrEqual(parts.length);
    const sliced = await encodeAsciiJsonInSlices(value);
    expect(Buffer.from(sliced).equals(Buffer.from(encodeAsciiJson(value)))).toBe(true);
  });

  it('stringifies in parts exactly as JSON.stringify does', async () => {
    const values = [
      { a: 1, skipped: undefined, nested: { date: new Date(0), list: [undefined, 'ش'] }, b: null },
      { deep: { deeper: { deepest: { x: 'y' } } }, fn: () => 1 },
      [{ a: 1 }],
      {},
      { only: undefined },
      { empty: {}, list: [] },
      [],
      // eslint-disable-next-line no-sparse-arrays -- a hole is written as null, as JSON does
      [undefined, () => 1, [1, [2, 'ش']], { a: [undefined] }, , null, new Date(0)],
      {
        records: [
          { id: 'x', tags: ['a', 'ب'] },
          { id: 'y', skipped: undefined },
        ],
      },
      'text',
      null,
      undefined,
    ];
    for (const value of values) {
      expect(decoded(await encodeAsciiJsonInSlices(value))).toEqual(
        decoded(encodeAsciiJson(value)),
      );
      expect(new TextDecoder().decode(await encodeAsciiJsonInSlices(value))).toBe(
        new TextDecoder().decode(encodeAsciiJson(value)),
      );
    }
  });

  it('opens values sealed before, as UTF-8 JSON', async () => {
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    const value = { givenName: 'رانيا', tags: ['لجنة'] };
    const older = await seal(key, utf8.encode(JSON.stringify(value)), 'chunk/contacts/0');
    const cipher = aesGcmCipher(key);
    expect(await cipher.open(older, 'chunk/contacts/0')).toEqual(value);
    const newer = await cipher.seal(value, 'chunk/contacts/0');
    expect(await cipher.open(newer, 'chunk/contacts/0')).toEqual(value);
  });

  it('reuses its buffers: values sealed one after another or side by side each open as themselves', async () => {
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    const cipher = aesGcmCipher(key);
    const chunk = (n: number, size: number) =>
      Array.from({ length: size }, (_, i) => ({ id: `${n}-${i}`, name: `سارة ${n} ${i}` }));
    // Large first, then small: a reused buffer's older, longer content must not leak in.
    const values = [chunk(1, 3000), chunk(2, 10), chunk(3, 1500), chunk(4, 1)];
    for (const value of values) {
      const sealed = await cipher.seal(value, 'chunk/contacts/7');
      expect(await cipher.open(sealed, 'chunk/contacts/7')).toEqual(value);
    }
    const together = await Promise.all(values.map((value) => cipher.seal(value, 'meta/x')));
    const opened = await Promise.all(together.map((sealed) => cipher.open(sealed, 'meta/x')));
    expect(opened).toEqual(values);
    const bytes = await withAsciiJsonInSlices(values[1], async (view) => view.slice());
    expect(decoded(bytes)).toEqual(values[1]);
  });
});
