import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS, parseDelimited, streamDelimited, TransferFileError } from '@core/transfer';

describe('parseDelimited', () => {
  it('detects comma, tab and semicolon and keeps quoted separators and line breaks', () => {
    for (const delimiter of [',', '\t', ';'] as const) {
      const text =
        ['Name', 'Email', 'Notes'].join(delimiter) +
        '\r\n' +
        ['"Haddad, Layla"', 'l@example.org', '"two\nlines"'].join(delimiter) +
        '\r\n' +
        ['Omar', 'o@example.org', 'x'].join(delimiter) +
        '\r\n';
      const table = parseDelimited(text);
      expect(table.delimiter).toBe(delimiter);
      expect(table.headers).toEqual(['Name', 'Email', 'Notes']);
      expect(table.rows.map((row) => row.cells)).toEqual([
        ['Haddad, Layla', 'l@example.org', 'two\nlines'],
        ['Omar', 'o@example.org', 'x'],
      ]);
    }
  });

  it('numbers rows as a spreadsheet does, counting the blank ones it skips', () => {
    const table = parseDelimited('Name,Email\n\nLayla,l@x.org\n,\nOmar,o@x.org\n');
    expect(table.rows.map((row) => [row.row, row.cells[0]])).toEqual([
      [3, 'Layla'],
      [5, 'Omar'],
    ]);
  });

  it('names a row whose quote is never closed, and a row with more cells than headers', () => {
    const table = parseDelimited(
      'Name,Email\nLayla,l@x.org\nOmar,o@x.org,extra\n"Sara,s@x.org\nNour,n@x.org\n',
    );
    expect(table.rows[1]?.problems).toEqual([
      expect.objectContaining({ code: 'too-many-cells', row: 3, value: 'extra' }),
    ]);
    const broken = table.rows.find((row) => row.row === 4);
    expect(broken?.problems[0]).toMatchObject({ code: 'malformed-quotes', row: 4 });
    expect(table.rows[0]?.problems).toEqual([]);
  });

  it('names a stray quote inside a quoted cell', () => {
    const table = parseDelimited('Name,Email\n"Lay"la",l@x.org\nOmar,o@x.org\n');
    expect(table.rows[0]?.problems[0]).toMatchObject({ code: 'malformed-quotes', row: 2 });
    expect(table.rows[1]).toMatchObject({ row: 3, problems: [] });
  });

  it('refuses an empty file and a file with only a header', () => {
    for (const [text, code] of [
      ['', 'empty'],
      ['\uFEFF \r\n\r\n', 'empty'],
      ['Name,Email\r\n', 'header-only'],
      ['Name,Email\r\n,\r\n\r\n', 'header-only'],
    ] as const) {
      expect(() => parseDelimited(text)).toThrow(TransferFileError);
      expect(() => parseDelimited(text)).toThrow(code);
    }
  });

  it('uses the delimiter the user picks over the guess', () => {
    const table = parseDelimited('a;b,c\n1;2,3\n', ';');
    expect(table.headers).toEqual(['a', 'b,c']);
  });

  it('refuses hostile files while reading: too many rows, columns or characters in a cell', () => {
    const rows = `Name\n${'a\n'.repeat(IMPORT_LIMITS.rows + 5)}`;
    expect(() => parseDelimited(rows)).toThrow(
      expect.objectContaining({ code: 'too-many-rows', details: { limit: IMPORT_LIMITS.rows } }),
    );
    const columns = `${','.repeat(IMPORT_LIMITS.columns + 1)}\nx\n`;
    expect(() => parseDelimited(columns)).toThrow(
      expect.objectContaining({ code: 'too-many-columns' }),
    );
    const cell = `Name,Notes\nLayla,${'x'.repeat(IMPORT_LIMITS.cellLength + 1)}\n`;
    expect(() => parseDelimited(cell)).toThrow(
      expect.objectContaining({
        code: 'cell-too-long',
        details: { row: 2, limit: IMPORT_LIMITS.cellLength },
      }),
    );
    // At the limit, the file is read.
    expect(parseDelimited(`Name\n${'a\n'.repeat(1000)}`).rows).toHaveLength(1000);
  });

  it('streamed, reads the same rows again on demand, keeping only their count and first cells', () => {
    const text = 'Name;Email\n\nAmal;a@example.org\nBilal;b@example.org;extra\n"Carmen;c@x.org\n';
    const parsed = parseDelimited(text, ';');
    const streamed = streamDelimited(text, ';', 2);
    expect(streamed).toMatchObject({ headers: ['Name', 'Email'], delimiter: ';', rowCount: 3 });
    expect(parsed.rows.flatMap((row) => row.problems.map((p) => p.code))).toEqual([
      'too-many-cells',
      'malformed-quotes',
    ]);
    const again: unknown[] = [];
    streamed.eachRow((row) => again.push(row));
    expect(again).toEqual(parsed.rows);
    const plain = streamDelimited('Name\nA\n\nB\nC\n', undefined, 2);
    expect(plain).toMatchObject({ rowCount: 3, sampleRows: [['A'], ['B']] });
    const rows: number[] = [];
    plain.eachRow((row) => rows.push(row.row));
    expect(rows).toEqual([2, 4, 5]);
  });

  it('streamed, refuses hostile files while reading, as parsed', () => {
    expect(() => streamDelimited(`Name\n${'a\n'.repeat(IMPORT_LIMITS.rows + 5)}`)).toThrow(
      expect.objectContaining({ code: 'too-many-rows' }),
    );
    expect(() => streamDelimited(`${','.repeat(IMPORT_LIMITS.columns + 1)}\nx\n`)).toThrow(
      expect.objectContaining({ code: 'too-many-columns' }),
    );
    const cell = `Name,Notes\nLayla,${'x'.repeat(IMPORT_LIMITS.cellLength + 1)}\n`;
    expect(() => streamDelimited(cell)).toThrow(
      expect.objectContaining({
        code: 'cell-too-long',
        details: expect.objectContaining({ row: 2 }),
      }),
    );
    expect(() => streamDelimited('Name\n\n')).toThrow(
      expect.objectContaining({ code: 'header-only' }),
    );
  });
});
