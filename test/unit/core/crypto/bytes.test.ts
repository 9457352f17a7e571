import { describe, expect, it } from 'vitest';
import { releaseBuffer } from '@core/crypto/bytes';

describe('releaseBuffer', () => {
  it('empties the buffer (its views read nothing more)', () => {
    const bytes = new Uint8Array([1, 2, 3, 4]);
    releaseBuffer(bytes.buffer);
    expect(bytes.buffer.byteLength).toBe(0);
    expect(bytes.length).toBe(0);
  });

  it('leaves an empty buffer and a shared one alone', () => {
    const empty = new ArrayBuffer(0);
    expect(() => releaseBuffer(empty)).not.toThrow();
    const shared = new SharedArrayBuffer(8);
    releaseBuffer(shared);
    expect(shared.byteLength).toBe(8);
  });
});
