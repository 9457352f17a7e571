import { describe, expect, it } from 'vitest';
import { utf8 } from '@core/crypto/bytes';
import { MIN_BUCKET_BYTES, bucketSize, padJson } from '@core/coalition/padding';

describe('size buckets', () => {
  it('rounds up to a power of two, at least 1 KiB', () => {
    expect(bucketSize(0)).toBe(MIN_BUCKET_BYTES);
    expect(bucketSize(1024)).toBe(1024);
    expect(bucketSize(1025)).toBe(2048);
    expect(bucketSize(70_000)).toBe(131_072);
  });

  it('pads JSON with spaces that parse to the same value', () => {
    const value = { name: 'سلمى', notes: ['a', 1, null] };
    const padded = padJson(utf8.encode(JSON.stringify(value)));
    expect(padded.byteLength).toBe(1024);
    expect(JSON.parse(utf8.decode(padded))).toEqual(value);
  });

  it('puts a Latin and an Arabic text of the same length in the same bucket', () => {
    const latin = utf8.encode(
      JSON.stringify({ notes: 'Supportive, wants eviction data'.repeat(12) }),
    );
    const arabic = utf8.encode(
      JSON.stringify({ notes: 'تؤيد القانون وتريد أرقام الإخلاء'.repeat(12) }),
    );
    expect(bucketSize(latin.byteLength)).toBe(bucketSize(arabic.byteLength));
  });
});
