/** CSV, TSV and semicolon-separated text → a SourceTable, with Papa Parse. */
import Papa from 'papaparse';
import type { ImportProblem } from './problems';
import { IMPORT_LIMITS, TransferFileError } from './limits';
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
  const records: string[][] = [];
  const quoteProblems = new Map<number, string>();
  let used: Delimiter = ',';
  let refusal: TransferFileError | undefined;
  // Row by row, so the limits stop a hostile file before it is all in memory.
  Papa.parse<string[]>(source, {
    delimiter: delimiter ?? '',
    delimitersToGuess: [...DELIMITERS],
    skipEmptyLines: false,
    // A megabyte at a time: unquoted text is otherwise split into all its lines at once
    // (24 million for 48 MB of one-letter rows) before the first row reaches `step`.
    chunkSize: 1024 * 1024,
    step: (result, parser) => {
      if (records.length === 0 && (DELIMITERS as readonly string[]).includes(result.meta.delimiter))
        used = result.meta.delimiter as Delimiter;
      const record = result.data;
      refusal = limitBroken(record, records.length);
      if (refusal) {
        parser.abort();
        return;
      }
      for (const error of result.errors) {
        if (error.type === 'Quotes') quoteProblems.set(records.length, error.message);
      }
      records.push(record);
    },
  });
  if (refusal) throw refusal;
  const headerIndex = records.findIndex((record) => !isBlank(record));
  const headers = (records[headerIndex] ?? []).map((cell) => cell.trim());

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

/** The limit a record breaks, if any: too many rows, columns or characters in a cell. */
function limitBroken(record: readonly string[], index: number): TransferFileError | undefined {
  // The header and one blank line may come before the limit's worth of rows.
  if (index > IMPORT_LIMITS.rows + 1)
    return new TransferFileError('too-many-rows', { limit: IMPORT_LIMITS.rows });
  if (record.length > IMPORT_LIMITS.columns)
    return new TransferFileError('too-many-columns', { limit: IMPORT_LIMITS.columns });
  if (record.some((cell) => cell.length > IMPORT_LIMITS.cellLength))
    return new TransferFileError('cell-too-long', {
      row: index + 1,
      limit: IMPORT_LIMITS.cellLength,
    });
  return undefined;
}
