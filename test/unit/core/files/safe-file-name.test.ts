import { describe, expect, it } from 'vitest';
import { MAX_FILE_NAME_BYTES, cutToBytes, safeFileName } from '@core/files/safe-file-name';

const bytes = (text: string) => new TextEncoder().encode(text).length;

describe('safeFileName', () => {
  it('keeps a long Arabic name within 255 UTF-8 bytes, extension included', () => {
    const name = safeFileName('رسالة إلى النائبة '.repeat(40), 'docx');
    expect(bytes(name)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(name.endsWith('.docx')).toBe(true);
    expect(name.startsWith('رسالة إلى النائبة')).toBe(true);
    // Two bytes a letter: a cut by characters (150) would have given 300 bytes.
    expect(bytes(name)).toBeGreaterThan(240);
  });

  it('never cuts inside a character: no lone surrogate, no half of an emoji with skin tone', () => {
    const name = safeFileName(`${'a'.repeat(245)}👍🏽👍🏽👍🏽`, 'docx');
    expect(name).toBe(`${'a'.repeat(245)}.docx`);
    expect(cutToBytes('ab👍🏽', 4)).toBe('ab');
    expect(cutToBytes('ab👍🏽', 10)).toBe('ab👍🏽');
  });

  it('removes lone surrogates from the input', () => {
    expect(safeFileName('a\uD83Db\uDC4Dc', 'csv')).toBe('abc.csv');
    expect(safeFileName('ok 👍', 'csv')).toBe('ok 👍.csv');
  });

  it('removes bidi controls that would disguise the extension', () => {
    const name = safeFileName('invoice\u202Excod.exe', 'docx');
    expect(name).toBe('invoicexcod.exe.docx');
    for (const control of ['\u200E', '\u200F', '\u061C', '\u202A', '\u2066', '\u2069']) {
      expect(safeFileName(`a${control}b`, 'txt')).toBe('ab.txt');
    }
  });

  it('removes what Windows and macOS refuse, trailing dots and spaces; falls back when empty', () => {
    expect(safeFileName('a<b>c:d"e/f\\g|h?i*j\u0001k. ', 'docx')).toBe('abcdefghijk.docx');
    expect(safeFileName('...', 'zip')).toBe('letter.zip');
    expect(safeFileName(' / ', 'docx', 'Tadamun')).toBe('Tadamun.docx');
  });
});
