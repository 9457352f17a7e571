/** Contact import (CSV, TSV, vCard) and export (CSV, vCard). */
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
export * from './read-import-file';
export * from './source-table';
export * from './time-slices';
export * from './vcard-export';
export * from './vcard-import';
