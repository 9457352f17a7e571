import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertRows, guessMapping, type TransferFileError } from '@core/transfer';
import { readImportFile } from '@core/transfer/read-import-file';
import { readWorkbook } from '@core/transfer/workbook';

const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures/imports');
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));

describe('spreadsheets read directly', () => {
  it('reads the first sheet of a workbook: Arabic right-to-left headers map like a CSV', () => {
    const file = readImportFile('قائمة.xlsx', fixture('workbook-two-sheets.xlsx'));
    expect(file.format).toBe('workbook');
    const table = file.table;
    if (!table || !('sheets' in table)) throw new Error('not a workbook');
    expect(table.sheets).toEqual(['جهات الاتصال', 'Officials']);
    expect(table.sheet).toBe('جهات الاتصال');
    const preview = convertRows(table, guessMapping(table.headers));
    const [layla, omar, nour] = preview.rows;
    expect(layla?.input).toMatchObject({
      givenName: 'ليلى',
      familyName: 'حداد',
      phones: [{ value: '+961 3 123 456' }],
      emails: [{ value: 'layla@helem.example' }],
      country: 'لبنان',
      organizationName: 'حلم',
      addresses: [{ lines: [], locality: 'بيروت' }],
    });
    // Dates are dates, not Excel's day numbers.
    expect(table.rows[0]?.cells[7]).toBe('2024-03-05');
    // 0791234567 typed as a number lost its zero: flagged, the row not stored.
    expect(omar?.input).toBeUndefined();
    expect(omar?.problems).toEqual([
      {
        code: 'stored-as-number',
        row: 3,
        column: 'الجوال',
        columnIndex: 2,
        value: '791234567',
        person: 'عمر صالح',
      },
    ]);
    expect(nour?.input).toMatchObject({
      givenName: 'نور',
      organizationName: 'Helem',
      addresses: [],
    });
  });

  it('reads the sheet the user picks', () => {
    const table = readWorkbook(fixture('workbook-two-sheets.xlsx'), 'Officials');
    expect(table.sheet).toBe('Officials');
    const preview = convertRows(table, guessMapping(table.headers));
    expect(preview.problems).toEqual([]);
    expect(preview.valid[0]).toMatchObject({
      honorific: 'Sen.',
      givenName: 'Alex',
      familyName: 'Padilla',
      title: 'United States Senator',
      organizationName: 'United States Senate',
      emails: [{ value: 'office@padilla.example' }],
    });
  });

  it('reads an OpenDocument spreadsheet', () => {
    const file = readImportFile('list.ods', fixture('libreoffice.ods'));
    expect(file.table?.headers).toEqual(['Name', 'Email', 'City']);
    expect(file.table?.rows[0]?.cells).toEqual(['Mona Aziz', 'mona@mail.example', 'Tunis']);
  });

  it('refuses at once a file that is neither a table nor a card file', () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n');
    const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
    const zip = Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8);
    for (const [name, bytes] of [
      ['report.pdf', pdf],
      ['photo.png', png],
      ['letters.zip', zip],
    ] as const) {
      expect(() => readImportFile(name, bytes)).toThrow(
        expect.objectContaining({ code: 'unsupported-format' }) as TransferFileError,
      );
    }
  });
});
