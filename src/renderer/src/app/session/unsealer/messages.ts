import type { RecordOutline, Sealed } from '@core/crypto';

/** `form`: the plaintext as is (a part), ready for the page (`whole`), or outlined (`records`). */
export type UnsealForm = 'part' | 'whole' | 'records';

export type UnsealRequest =
  | { type: 'key'; key: CryptoKey }
  | { type: 'unseal'; id: number; sealed: Sealed; context: string; form: UnsealForm };

export type UnsealResponse =
  | { type: 'ready' }
  | { type: 'opened'; id: number; plaintext: ArrayBuffer; outline?: RecordOutline | undefined }
  | { type: 'tampered'; id: number };
