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
  const rows: SourceRow[] = [];
  const shape = readDelimitedRows(text, delimiter, (row) => rows.push(row));
  return { headers: shape.headers, rows, delimiter: shape.delimiter };
}

/** A delimited file read once for its shape; its rows are read again, one at a time, on demand. */
export interface StreamedTable {
  headers: string[];
  delimiter: Delimiter;
  rowCount: number;
  /** The first rows' cells, for the columns step. */
  sampleRows: string[][];
  /** Reads the rows again, in order, handing each to `visit` (none is kept). */
  eachRow(visit: (row: SourceRow) => void): void;
}

/**
 * `parseDelimited` without holding the rows: 200,000 rows as objects weigh several times the
 * file (docs/benchmarks.md), so the import worker keeps the text and reads the rows twice,
 * here for their count and limits, then when they are checked.
 */
export function streamDelimited(text: string, delimiter?: Delimiter, samples = 20): StreamedTable {
  const sampleRows: string[][] = [];
  let rowCount = 0;
  const shape = readDelimitedRows(text, delimiter, (row) => {
    if (rowCount < samples) sampleRows.push(row.cells);
    rowCount += 1;
  });
  return {
    ...shape,
    rowCount,
    sampleRows,
    eachRow: (visit) => void readDelimitedRows(text, shape.delimiter, visit),
  };
}

/** Hands each row after the header to `onRow` as it is read; the limits are checked meanwhile. */
function readDelimitedRows(
  text: string,
  delimiter: Delimiter | undefined,
  onRow: (row: SourceRow) => void,
): { headers: string[]; delimiter: Delimiter } {
  const source = text.replace(/^\uFEFF/, '');
  if (source.trim() === '') throw new TransferFileError('empty');
  let headers: string[] | undefined;
  let records = 0;
  let rows = 0;
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
      const index = records;
      records += 1;
      if (index === 0 && (DELIMITERS as readonly string[]).includes(result.meta.delimiter))
        used = result.meta.delimiter as Delimiter;
      const cells = result.data;
      refusal = limitBroken(cells, index);
      if (refusal) {
        parser.abort();
        return;
      }
      if (isBlank(cells)) return;
      if (!headers) {
        headers = cells.map((cell) => cell.trim());
        return;
      }
      const quoteError = result.errors.find((error) => error.type === 'Quotes')?.message;
      onRow(sourceRow(headers, cells, index + 1, quoteError, used));
      rows += 1;
    },
  });
  if (refusal) throw refusal;
  if (rows === 0) throw new TransferFileError('header-only');
  return { headers: headers ?? [], delimiter: used };
}

function sourceRow(
  headers: readonly string[],
  cells: string[],
  row: number,
  quoteError: string | undefined,
  delimiter: Delimiter,
): SourceRow {
  const problems: ImportProblem[] = [];
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
        value: extra.join(delimiter),
      });
    }
  }
  return { row, cells, problems };
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
