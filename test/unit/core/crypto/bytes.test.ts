import { describe, expect, it } from 'vitest';
import { fromBase64, releaseBuffer, toBase64 } from '@core/crypto/bytes';

const viaAtob = (text: string): number[] | 'refused' => {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return 'refused';
  try {
    return Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return 'refused';
  }
};

const decoded = (text: string): number[] | 'refused' => {
  try {
    return Array.from(fromBase64(text));
  } catch {
    return 'refused';
  }
};

describe('base64', () => {
  it('round-trips bytes of every length up to 70', () => {
    for (let length = 0; length <= 70; length++) {
      const bytes = crypto.getRandomValues(new Uint8Array(length));
      const text = toBase64(bytes);
      expect(fromBase64(text)).toEqual(bytes);
      expect(fromBase64(text.replace(/=+$/, ''))).toEqual(bytes);
    }
  });

  it('accepts and refuses exactly what the regular expression and atob did', () => {
    const cases = [
      '',
      'A',
      'AB',
      'ABC',
      'ABCD',
      'AB==',
      'ABC=',
      'AB=',
      'A===',
      '====',
      '=',
      '==',
      'AB=C',
      'ABCD=',
      'ABCDE',
      'AB CD',
      'AB\nCD',
      'AB-_',
      'ABé=',
      'ABCD====',
      'AQ==',
      'AR==',
      '/+8=',
      'ABCDAB==',
      'ABCDABC',
      'ABCDA',
      '\u0100BCD',
      'AB=\u0000',
    ];
    for (const text of cases) expect(decoded(text), JSON.stringify(text)).toEqual(viaAtob(text));
  });

  it('agrees with atob on pseudo-random short texts over the alphabet and its neighbours', () => {
    const chars = 'ABab09+/=-_ \u00e9';
    let seed = 20;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 3000; n++) {
      const length = n % 11;
      let text = '';
      for (let i = 0; i < length; i++) text += chars[Math.floor(random() * chars.length)];
      expect(decoded(text), JSON.stringify(text)).toEqual(viaAtob(text));
    }
  });
});

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
