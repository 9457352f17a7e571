import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding, MAX_IMPORT_BYTES, TransferFileError } from '@core/transfer';
import { encodeUtf16, encodeWindows1256, utf8 } from './fixtures';

const ARABIC = 'الاسم,البريد الإلكتروني\r\nليلى حداد,layla@example.org\r\n';

describe('encoding detection', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    for (const withMark of [true, false]) {
      const decoded = decodeText(utf8(ARABIC, withMark));
      expect(decoded).toMatchObject({
        encoding: 'utf-8',
        text: ARABIC,
        hadByteOrderMark: withMark,
      });
    }
  });

  it('reads UTF-16 in both byte orders, with a mark or without one', () => {
    for (const order of ['le', 'be'] as const) {
      expect(decodeText(encodeUtf16(ARABIC, order)).text).toBe(ARABIC);
      const bare = encodeUtf16('Name,Email\r\nLayla,l@example.org\r\n', order, false);
      expect(detectEncoding(bare)).toBe(`utf-16${order}`);
    }
  });

  it('falls back to Windows-1256 for Arabic bytes that are not UTF-8', () => {
    const bytes = encodeWindows1256(ARABIC);
    expect(detectEncoding(bytes)).toBe('windows-1256');
    expect(decodeText(bytes)).toMatchObject({ text: ARABIC, detected: true });
  });

  it('decodes with the encoding the user picks, dropping a UTF-8 mark it would misread', () => {
    const bytes = encodeWindows1256('Name\r\nسارة\r\n');
    expect(decodeText(bytes, 'windows-1252').text).not.toContain('سارة');
    expect(decodeText(bytes, 'windows-1256')).toMatchObject({
      text: 'Name\r\nسارة\r\n',
      detected: false,
    });
    expect(decodeText(utf8('Name\r\nA\r\n', true), 'windows-1256').text).toBe('Name\r\nA\r\n');
  });

  it('refuses a file over 50 MB before decoding it, naming the size and the limit', () => {
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1);
    expect(() => decodeText(big)).toThrow(TransferFileError);
    try {
      decodeText(big);
    } catch (error) {
      expect(error).toMatchObject({
        code: 'too-large',
        details: { size: MAX_IMPORT_BYTES + 1, limit: MAX_IMPORT_BYTES },
      });
    }
    expect(decodeText(utf8('a')).text).toBe('a');
  });
});
