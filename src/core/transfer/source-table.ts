/** Rows read from a file before they become contacts: CSV records or vCard cards. */
import type { ImportProblem } from './problems';

export interface SourceRow {
  /** Spreadsheet row number (the header is row 1), or the card's number in a vCard file. */
  row: number;
  cells: string[];
  /** Problems found while reading the row (e.g. a quote left open). */
  problems: ImportProblem[];
  /** Columns whose cell a spreadsheet stored as a number (a leading zero may be lost). */
  numeric?: number[];
}

export interface SourceTable {
  headers: string[];
  rows: SourceRow[];
}

/** A column's name for messages: its header, or its position when the header is blank. */
export function columnLabel(headers: readonly string[], index: number): string {
  const header = headers[index]?.trim();
  return header ? header : `#${index + 1}`;
}
