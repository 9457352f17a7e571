/** Seals stored values (JSON) with the workspace's data key: what the record store uses. */
import { utf8 } from './bytes';
import { TamperedDataError } from './errors';
import { seal, unseal, type Sealed } from './sealed';

export interface RecordCipher {
  seal(value: unknown, context: string): Promise<Sealed>;
  /** Throws TamperedDataError when the row was altered or sealed for another place. */
  open(sealed: Sealed, context: string): Promise<unknown>;
}

export function aesGcmCipher(dataKey: CryptoKey): RecordCipher {
  return {
    seal: (value, context) => seal(dataKey, utf8.encode(JSON.stringify(value)), context),
    async open(sealed, context) {
      let plaintext: ArrayBuffer;
      try {
        plaintext = await unseal(dataKey, sealed, context);
      } catch {
        throw new TamperedDataError(context);
      }
      return JSON.parse(utf8.decode(plaintext)) as unknown;
    },
  };
}
