import { describe, expect, it } from 'vitest';
import { utf8 } from '@core/crypto/bytes';
import { MIN_BUCKET_BYTES, bucketSize, padJson } from '@core/coalition/padding';

describe('size buckets', () => {
  it('rounds up to a power of two, at least 512 bytes', () => {
    expect(MIN_BUCKET_BYTES).toBe(512);
    expect(bucketSize(0)).toBe(512);
    expect(bucketSize(512)).toBe(512);
    expect(bucketSize(513)).toBe(1024);
    expect(bucketSize(1025)).toBe(2048);
    expect(bucketSize(70_000)).toBe(131_072);
  });

  it('pads JSON with spaces that parse to the same value', () => {
    const value = { name: 'سلمى', notes: ['a', 1, null] };
    const padded = padJson(utf8.encode(JSON.stringify(value)));
    expect(padded.byteLength).toBe(512);
    expect(JSON.parse(utf8.decode(padded))).toEqual(value);
  });

  it('puts a Latin and an Arabic text of the same length in the same bucket', () => {
    const latin = utf8.encode(
      JSON.stringify({ notes: 'Supportive, wants eviction data'.repeat(6) }),
    );
    const arabic = utf8.encode(
      JSON.stringify({ notes: 'تؤيد القانون وتريد أرقام الإخلاء'.repeat(6) }),
    );
    expect(bucketSize(latin.byteLength)).toBe(bucketSize(arabic.byteLength));
  });

  it('moves a text at most one bucket up when it is written in Arabic rather than Latin', () => {
    for (let letters = 0; letters < 5000; letters += 7) {
      const latin = utf8.encode(JSON.stringify({ notes: 'a'.repeat(letters) })).byteLength;
      const arabic = utf8.encode(JSON.stringify({ notes: 'ب'.repeat(letters) })).byteLength;
      expect(bucketSize(arabic)).toBeLessThanOrEqual(2 * bucketSize(latin));
    }
  });
});
