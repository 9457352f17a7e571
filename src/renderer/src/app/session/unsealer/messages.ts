import type { Sealed } from '@core/crypto';

export type UnsealRequest =
  | { type: 'key'; key: CryptoKey }
  | { type: 'unseal'; id: number; sealed: Sealed; context: string; whole: boolean };

export type UnsealResponse =
  | { type: 'ready' }
  | { type: 'opened'; id: number; plaintext: ArrayBuffer }
  | { type: 'tampered'; id: number };
