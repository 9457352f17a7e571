import { describe, expect, it } from 'vitest';
import { encodeAsciiJson } from '@core/crypto/ascii-json';
import { randomBytes } from '@core/crypto/bytes';
import {
  bucketOf,
  encodePaddedJson,
  MIN_BUCKET,
  pageReadyPayload,
  payloadText,
  POWER_BUCKETS_UP_TO,
  withPaddedJsonParts,
} from '@core/crypto/padded-payload';
import { aesGcmCipher } from '@core/crypto/record-cipher';
import { importAesKey, seal } from '@core/crypto/sealed';

const latin = {
  id: '0b7c2f0e-4a51-4a8e-9a56-3f6f2f7b8c11',
  displayName: 'Rania Haddad',
  notes: 'Prefers e-mail; free on Tuesdays.',
  tags: ['media', 'ally'],
};
/** Arabic text as long (in UTF-16 code units) as `like`. */
const asLongAs = (like: string, text: string) => text.repeat(4).slice(0, like.length);
// The same fields, each with as many characters, in Arabic.
const arabic = {
  ...latin,
  displayName: asLongAs(latin.displayName, 'رانيا حداد '),
  notes: asLongAs(latin.notes, 'يفضل البريد، متاح يوم الثلاثاء '),
  tags: [asLongAs('media', 'إعلام'), asLongAs('ally', 'حليف')],
};

const cipher = async () => aesGcmCipher(await importAesKey(randomBytes(32)));

describe('sealed payloads padded to size buckets', () => {
  it('seal a Latin and an Arabic record of the same length to the same size', async () => {
    expect(JSON.stringify(arabic).length).toBe(JSON.stringify(latin).length);
    // As ASCII JSON (before) the Arabic record was several times larger.
    expect(encodeAsciiJson(arabic).length).toBeGreaterThan(2 * encodeAsciiJson(latin).length);
    const sealing = await cipher();
    const [a, b] = [await sealing.seal(latin, 'here'), await sealing.seal(arabic, 'here')];
    expect(a.data.byteLength).toBe(b.data.byteLength);
    expect(await sealing.open(b, 'here')).toEqual(arabic);
  });

  it('seal chunks of mostly Latin and mostly Arabic records of the same lengths alike', async () => {
    const chunk = (record: object) =>
      Array.from({ length: 300 }, (_, n) => ({ ...record, id: `${n}`.padStart(36, '0') }));
    const sealing = await cipher();
    const [a, b] = [await sealing.seal(chunk(latin), 'c'), await sealing.seal(chunk(arabic), 'c')];
    expect(a.data.byteLength).toBe(b.data.byteLength);
  });

  it('hide the exact length: nearby lengths share a bucket', async () => {
    const sizes = await Promise.all(
      ['Sam', 'Samir', 'Samira Haddad'].map(
        async (name) => (await encodePaddedJson({ ...latin, displayName: name })).length,
      ),
    );
    expect(new Set(sizes).size).toBe(1);
  });

  it('grow in powers of two from 256 bytes, then in steps of 64 KiB', () => {
    expect(bucketOf(1)).toBe(MIN_BUCKET);
    expect(bucketOf(257)).toBe(512);
    expect(bucketOf(40_000)).toBe(65_536);
    expect(bucketOf(POWER_BUCKETS_UP_TO + 1)).toBe(2 * POWER_BUCKETS_UP_TO);
    expect(bucketOf(10 * POWER_BUCKETS_UP_TO + 1)).toBe(11 * POWER_BUCKETS_UP_TO);
  });

  it('pad with zeros, never with an earlier payload from a reused buffer', async () => {
    await encodePaddedJson({ secret: 'Z'.repeat(5000) });
    const bytes = await encodePaddedJson({ small: 'x' });
    const text = payloadText(bytes.slice().buffer);
    expect(JSON.parse(text)).toEqual({ small: 'x' });
    const tail = bytes.subarray(8 + text.length * 2);
    expect(tail.every((byte) => byte === 0)).toBe(true);
  });

  it('reads back as the page gets it from the worker (ASCII JSON), and older payloads still open', async () => {
    const padded = await encodePaddedJson(arabic);
    const ready = pageReadyPayload(padded.slice().buffer);
    expect(new Uint8Array(ready).every((byte) => byte < 0x80)).toBe(true);
    expect(JSON.parse(payloadText(ready))).toEqual(arabic);
    const key = await importAesKey(randomBytes(32));
    const older = await seal(key, encodeAsciiJson(arabic), 'place');
    const utf8 = await seal(key, new TextEncoder().encode(JSON.stringify(arabic)), 'place');
    const opening = aesGcmCipher(key);
    expect(await opening.open(older, 'place')).toEqual(arabic);
    expect(await opening.open(utf8, 'place')).toEqual(arabic);
  });

  it('in parts, give the same bytes as whole, a part at a time', async () => {
    const partBytes = 4096;
    // Around part boundaries, with and without padding, Arabic, a long string and a long array.
    const values = [
      { small: 'x' },
      arabic,
      { words: Array.from({ length: 5000 }, (_, n) => `رانيا ${n}`), text: 'نص'.repeat(140_000) },
      ...[2040, 2044, 2048, 4092].map((units) => 'a'.repeat(units - 2)),
    ];
    for (const value of values) {
      const whole = await encodePaddedJson(value);
      const parts: Uint8Array[] = [];
      const counts = new Set<number>();
      await withPaddedJsonParts(value, partBytes, async (bytes, index, count) => {
        expect(index).toBe(parts.length);
        counts.add(count);
        parts.push(bytes.slice());
      });
      expect([...counts]).toEqual([Math.ceil(whole.length / partBytes)]);
      expect(parts.slice(0, -1).every((part) => part.length === partBytes)).toBe(true);
      const joined = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
      parts.reduce((offset, part) => (joined.set(part, offset), offset + part.length), 0);
      expect(joined).toEqual(whole);
    }
  });

  it('in parts, refuse a value that changes while it is written', async () => {
    const value = { list: Array.from({ length: 10_000 }, (_, n) => `${n}`) };
    const growing = withPaddedJsonParts(value, 4096, async () => {
      value.list.push('more');
    });
    await expect(growing).rejects.toThrow('changed while it was sealed');
  });
});
