import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, TransferFileError } from '@core/transfer';
import { readImportFile } from '@core/transfer/read-import-file';
import { encodeWindows1256, utf8 } from './fixtures';

describe('reading the chosen file', () => {
  it('splits delimited text, detecting the encoding, and keeps the detected one on override', () => {
    const bytes = encodeWindows1256('الاسم,البريد الإلكتروني\nليلى,l@example.org\n');
    const read = readImportFile('list.csv', bytes);
    expect(read).toMatchObject({ format: 'delimited', encoding: 'windows-1256' });
    expect(read.table?.headers).toEqual(['الاسم', 'البريد الإلكتروني']);
    const forced = readImportFile('list.csv', bytes, 'windows-1252');
    expect(forced).toMatchObject({ encoding: 'windows-1252', detectedEncoding: 'windows-1256' });
    expect(forced.table?.headers[0]).not.toBe('الاسم');
  });

  it('reads a vCard file as cards, by its name or its first line', () => {
    const card = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Hala Mansour\r\nEND:VCARD\r\n';
    expect(readImportFile('phone.vcf', utf8(card)).cards?.valid).toHaveLength(1);
    expect(readImportFile('export.txt', utf8(card))).toMatchObject({ format: 'vcard' });
  });

  it('refuses a file over the limit before decoding it', () => {
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1);
    expect(() => readImportFile('big.csv', big)).toThrow(TransferFileError);
  });
});
