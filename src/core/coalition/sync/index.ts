/** The coalition sync engine (docs/coalition.md, "The sync engine"): what the app calls. */
export * from './bundle';
export * from './data-core-workspace';
export type { ReplicatedBatch } from './first-receive';
export * from './local-edit';
export * from './memory-workspace';
export * from './ports';
export * from './replica';
export * from './replica-database';
export * from './workspace-records';
