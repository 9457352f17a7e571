export * from './vault';
export * from './duress-setting';
export * from './key-file-store';
export { decodeKeyFile, encodeKeyFile, type KeyFile } from './key-file';
export type { LockoutAltered } from './lockout-seal';
