/**
 * Tadamun's platform-neutral core: domain types, storage, templates, DOCX, importers.
 * Runs in plain Node, in the renderer and in workers; imports nothing from Electron, Node or
 * the DOM (tsconfig.core.json has no such types and ESLint forbids such imports here).
 */
export * from './domain/campaign';
export * from './domain/common';
export * from './domain/contact';
export * from './domain/entities';
export * from './domain/interaction';
export * from './domain/letter';
export * from './domain/letter-image';
export * from './domain/organization';
export * from './domain/settings';
export * from './domain/target';
export * from './domain/template';
export * from './domain/validation';
export { openDataCore, type DataCore, type DataCoreOptions } from './db/data-core';
export {
  UnsupportedFormatError,
  WorkspaceLockedError,
  type ChangeEvent,
  type ChangeListener,
  type RecordChange,
} from './db/record-store';
export * from './search';
export * from './crypto';
export * from './vault';
export { NotFoundError } from './db/repositories/repository';
export { isStorageFull } from './db/storage-full';
export * from './backup/backup';
export * from './backup/encrypted-backup';
export * from './demo';
export * from './letters';
export * from './dedupe';
export {
  RestoreConflictError,
  type ContactDependents,
  type RemovedContacts,
} from './db/repositories/contacts';
export * from './directory';
export * from './transfer';
export * from './planner';
export * from './reports';
export * from './coalition';
