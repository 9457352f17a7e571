/** What the columns step shows of a file read in the worker: the rows themselves stay there. */
import type { DelimitedTable, StreamedTable } from '@core/transfer';
import type { WorkbookTable } from '@core/transfer/workbook';
import type { ReadImportFile } from '@core/transfer/read-import-file';
import type { FileOverview } from './messages';

const SAMPLE_ROWS = 20;

export function fileOverview(
  file: ReadImportFile<DelimitedTable | StreamedTable | WorkbookTable>,
): FileOverview {
  const { table, cards } = file;
  return {
    format: file.format,
    encoding: file.encoding,
    detectedEncoding: file.detectedEncoding,
    ...(table && 'delimiter' in table && { delimiter: table.delimiter }),
    ...(table && 'sheets' in table && { sheets: table.sheets, sheet: table.sheet }),
    headers: table?.headers ?? [],
    rowCount:
      (table && 'rowCount' in table ? table.rowCount : table?.rows.length) ??
      cards?.rows.length ??
      0,
    sampleRows:
      table && 'sampleRows' in table
        ? table.sampleRows.slice(0, SAMPLE_ROWS)
        : (table?.rows ?? []).slice(0, SAMPLE_ROWS).map((row) => row.cells),
  };
}
