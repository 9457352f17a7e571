/** Encryption at rest: passphrase-derived keys, the wrapped data key, sealed values. */
export * from './errors';
export * from './kdf';
export * from './keyring';
export * from './record-cipher';
export {
  outlinedPayload,
  outlineUnits,
  type OpenedRecords,
  type RecordOutline,
} from './json-outline';
export { pageReadyPayload } from './padded-payload';
export { normalizeRecoveryKey } from './recovery-key';
export { isSealed, type Sealed } from './sealed';
export type { Unsealer } from './unsealer';
