/**
 * Spreadsheets (.xlsx, .xlsm, .xls, .ods) → a SourceTable, read with SheetJS (@e965/xlsx, its
 * build published on npm). One sheet at a time: the first that has rows under a header,
 * unless the user picks another. Dates become dates ("2024-03-05"), not Excel's day numbers;
 * cells Excel stored as numbers are marked, so a phone number that lost its leading zero is
 * flagged in the review rather than stored.
 */
import { read, SSF, type CellObject, type WorkBook, type WorkSheet } from '@e965/xlsx';
import { IMPORT_LIMITS, TransferFileError } from './limits';
import type { SourceRow, SourceTable } from './source-table';

export interface WorkbookTable extends SourceTable {
  /** Every sheet's name, in the workbook's order. */
  sheets: string[];
  sheet: string;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function dateText(serial: number, format: string): string {
  const date = SSF.parse_date_code(serial);
  const day = `${pad(date.y, 4)}-${pad(date.m)}-${pad(date.d)}`;
  // A format with hours shows the time too; a plain date stays a day.
  return /[hs]/i.test(format.replace(/"[^"]*"/g, '')) && (date.H || date.M)
    ? `${day} ${pad(date.H)}:${pad(date.M)}`
    : day;
}

function cellText(cell: CellObject | undefined): { text: string; numeric: boolean } {
  if (!cell || cell.v === undefined || cell.v === null) return { text: '', numeric: false };
  if (cell.t === 'n' && typeof cell.v === 'number') {
    const format = typeof cell.z === 'string' ? cell.z : '';
    if (format && SSF.is_date(format)) return { text: dateText(cell.v, format), numeric: false };
    return { text: String(cell.v), numeric: true };
  }
  if (cell.t === 'd' && cell.v instanceof Date) {
    return { text: cell.v.toISOString().slice(0, 10), numeric: false };
  }
  if (cell.t === 'e') return { text: '', numeric: false };
  return { text: String(cell.v), numeric: false };
}

function denseRows(sheet: WorkSheet): (CellObject | undefined)[][] {
  return ((sheet as unknown as { '!data'?: (CellObject | undefined)[][] })['!data'] ?? []).map(
    (row) => row ?? [],
  );
}

function sheetTable(sheet: WorkSheet): SourceTable | undefined {
  const rows = denseRows(sheet);
  const width = rows.reduce((most, row) => Math.max(most, row.length), 0);
  if (width > IMPORT_LIMITS.columns)
    throw new TransferFileError('too-many-columns', { limit: IMPORT_LIMITS.columns });
  const isBlank = (row: (CellObject | undefined)[]) =>
    row.every((cell) => cellText(cell).text.trim() === '');
  const headerIndex = rows.findIndex((row) => !isBlank(row));
  if (headerIndex < 0) return undefined;
  const headers = Array.from({ length: width }, (_, column) =>
    cellText(rows[headerIndex]?.[column]).text.trim(),
  );
  const sourceRows: SourceRow[] = [];
  for (let index = headerIndex + 1; index < rows.length; index += 1) {
    const row = rows[index] ?? [];
    if (isBlank(row)) continue;
    const cells: string[] = [];
    const numeric: number[] = [];
    for (let column = 0; column < width; column += 1) {
      const { text, numeric: isNumber } = cellText(row[column]);
      if (text.length > IMPORT_LIMITS.cellLength)
        throw new TransferFileError('cell-too-long', {
          row: index + 1,
          limit: IMPORT_LIMITS.cellLength,
        });
      cells.push(text);
      if (isNumber) numeric.push(column);
    }
    sourceRows.push({ row: index + 1, cells, problems: [], ...(numeric.length && { numeric }) });
  }
  return sourceRows.length ? { headers, rows: sourceRows } : undefined;
}

function openWorkbook(bytes: Uint8Array): WorkBook {
  try {
    return read(bytes, {
      type: 'array',
      dense: true,
      cellFormula: false,
      // Number formats tell a date from a number.
      cellNF: true,
      cellHTML: false,
      cellStyles: false,
      // One row more than the limit: enough to know the limit is passed, without reading on.
      sheetRows: IMPORT_LIMITS.rows + 2,
    });
  } catch {
    throw new TransferFileError('unsupported-format');
  }
}

/** The table of `sheet`, or of the first sheet with rows; a workbook without any is refused. */
export function readWorkbook(bytes: Uint8Array, sheet?: string): WorkbookTable {
  const workbook = openWorkbook(bytes);
  const sheets = workbook.SheetNames;
  if (sheets.length === 0) throw new TransferFileError('unsupported-format');
  const candidates = sheet !== undefined && sheets.includes(sheet) ? [sheet] : sheets;
  for (const name of candidates) {
    const worksheet = workbook.Sheets[name];
    const table = worksheet && sheetTable(worksheet);
    if (table) {
      if (table.rows.length > IMPORT_LIMITS.rows)
        throw new TransferFileError('too-many-rows', { limit: IMPORT_LIMITS.rows });
      return { ...table, sheets, sheet: name };
    }
  }
  throw new TransferFileError(sheet === undefined ? 'empty' : 'header-only');
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  magic.every((byte, index) => bytes[index] === byte);

/** A zipped (.xlsx, .ods) or old binary (.xls) workbook, by its first bytes or its name. */
export const looksLikeWorkbook = (name: string, bytes: Uint8Array): boolean =>
  startsWith(bytes, ZIP) || startsWith(bytes, OLE) || /\.(xlsx|xlsm|xls|ods)$/i.test(name);
