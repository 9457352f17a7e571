/** Coalition sharing (issue 20): the platform-neutral core; replication and UI build on it. */
export * from './coalition-key';
export * from './errors';
export * from './hlc';
export * from './invitation';
export * from './merge';
export * from './padding';
export * from './record-clocks';
export * from './sealed-document';
export * from './share-selection';
export * from './shared-record';
export * from './shared-schemas';
export * from './rotation';
