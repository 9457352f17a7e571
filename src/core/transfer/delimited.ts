/** CSV, TSV and semicolon-separated text → a SourceTable, with Papa Parse. */
import Papa from 'papaparse';
import type { ImportProblem } from './problems';
import { TransferFileError } from './limits';
import { columnLabel, type SourceRow, type SourceTable } from './source-table';

export const DELIMITERS = [',', '\t', ';'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface DelimitedTable extends SourceTable {
  delimiter: Delimiter;
}

const isBlank = (record: readonly string[]) => record.every((cell) => cell.trim() === '');

/**
 * Parses delimited text; the delimiter is guessed among comma, tab and semicolon unless
 * given. Blank records are skipped but keep their row numbers, so numbers match what a
 * spreadsheet shows. An empty file, or one with only a header, is refused.
 */
export function parseDelimited(text: string, delimiter?: Delimiter): DelimitedTable {
  const source = text.replace(/^\uFEFF/, '');
  if (source.trim() === '') throw new TransferFileError('empty');
  const result = Papa.parse<string[]>(source, {
    delimiter: delimiter ?? '',
    delimitersToGuess: [...DELIMITERS],
    skipEmptyLines: false,
  });
  const used = (DELIMITERS as readonly string[]).includes(result.meta.delimiter)
    ? (result.meta.delimiter as Delimiter)
    : ',';
  const records = result.data;
  const headerIndex = records.findIndex((record) => !isBlank(record));
  const headers = (records[headerIndex] ?? []).map((cell) => cell.trim());

  const quoteProblems = new Map<number, string>();
  for (const error of result.errors) {
    if (error.type === 'Quotes' && error.row !== undefined)
      quoteProblems.set(error.row, error.message);
  }

  const rows: SourceRow[] = [];
  for (let index = headerIndex + 1; index < records.length; index += 1) {
    const cells = records[index] ?? [];
    if (isBlank(cells)) continue;
    const row = index + 1;
    const problems: ImportProblem[] = [];
    const quoteError = quoteProblems.get(index);
    if (quoteError !== undefined)
      problems.push({ code: 'malformed-quotes', row, detail: quoteError });
    if (cells.length > headers.length) {
      const extra = cells.slice(headers.length).filter((cell) => cell.trim() !== '');
      if (extra.length) {
        problems.push({
          code: 'too-many-cells',
          row,
          column: columnLabel(headers, headers.length),
          columnIndex: headers.length,
          value: extra.join(used),
        });
      }
    }
    rows.push({ row, cells, problems });
  }
  if (rows.length === 0) throw new TransferFileError('header-only');
  return { headers, rows, delimiter: used };
}
