/**
 * Contact import (CSV, TSV, vCard, spreadsheets) and export (CSV, vCard). Reading a file is
 * `./read-import-file`, imported by the import worker only: it brings the spreadsheet library.
 */
export * from './check-import';
export * from './commit-import';
export * from './convert-rows';
export * from './csv-export';
export * from './delimited';
export * from './encoding';
export * from './export-selection';
export * from './import-fields';
export * from './limits';
export * from './mapping';
export * from './problems';
export * from './source-table';
export * from './time-slices';
export * from './vcard-export';
export * from './vcard-import';
export * from './vcard-legacy';
export * from './vendor-headers';
