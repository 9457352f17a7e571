/** Import limits, and the error a whole file is refused with (the UI translates its code). */

/** Larger files are refused before they are read: one import is a list, not an archive. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/**
 * Limits checked while a file is read, so a hostile or broken file is refused before it fills
 * memory: a 48 MB file of one-letter rows is 24 million rows, one of commas a million columns.
 * A cell holds at most what an Excel cell holds.
 */
export const IMPORT_LIMITS = { rows: 200_000, columns: 1_000, cellLength: 32_767 } as const;

export type TransferFileErrorCode =
  | 'too-large'
  | 'empty'
  | 'header-only'
  | 'no-cards'
  | 'unsupported-format'
  | 'too-many-rows'
  | 'too-many-columns'
  | 'cell-too-long';

/** The file as a whole cannot be imported; nothing was read into the workspace. */
export class TransferFileError extends Error {
  constructor(
    readonly code: TransferFileErrorCode,
    readonly details: Readonly<Record<string, number | string>> = {},
  ) {
    super(`${code}${Object.keys(details).length ? ` ${JSON.stringify(details)}` : ''}`);
    this.name = 'TransferFileError';
  }
}

export function assertImportSize(byteLength: number): void {
  if (byteLength > MAX_IMPORT_BYTES) {
    throw new TransferFileError('too-large', { size: byteLength, limit: MAX_IMPORT_BYTES });
  }
}
