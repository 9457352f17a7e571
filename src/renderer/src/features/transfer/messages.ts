/** Sentences for what the core reports as codes: file errors and row problems. */
import type { TFunction } from 'i18next';
import { TransferFileError, type ImportProblem } from '@core/transfer';
import { currentLanguage } from '@renderer/app/i18n';
import { formatNumber } from '@renderer/lib/format-number';

const megabytes = (bytes: number | string | undefined) =>
  (Math.ceil((Number(bytes ?? 0) / (1024 * 1024)) * 10) / 10).toString();

export function fileErrorText(t: TFunction, error: unknown): string {
  if (!(error instanceof TransferFileError)) return t('transfer.import.fileErrors.unreadable');
  const limit = error.details.limit;
  return t(`transfer.import.fileErrors.${error.code}`, {
    size: megabytes(error.details.size),
    limit: megabytes(limit),
    // Plural forms for the counted limits (rows, columns, characters); "too-large" has none.
    count: Number(limit ?? 0),
    max: formatNumber(Number(limit ?? 0), currentLanguage()),
    row: formatNumber(Number(error.details.row ?? 0), currentLanguage()),
  });
}

export function problemText(t: TFunction, problem: ImportProblem): string {
  return t(`transfer.import.problems.${problem.code}`);
}

/** A problem's column: its header, or "Column 3" when the header is blank. */
export function problemColumn(t: TFunction, problem: ImportProblem): string {
  if (problem.column === undefined) return '';
  const byPosition = /^#(\d+)$/.exec(problem.column);
  return byPosition
    ? t('transfer.import.columnNumber', { number: byPosition[1] ?? '' })
    : problem.column;
}
