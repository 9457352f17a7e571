/** Seals stored values (JSON) with the workspace's data key: what the record store uses. */
import { encodeAsciiJsonInSlices } from './ascii-json';
import { utf8 } from './bytes';
import { TamperedDataError } from './errors';
import { seal, unseal, type Sealed } from './sealed';
import type { Unsealer } from './unsealer';

export interface RecordCipher {
  seal(value: unknown, context: string): Promise<Sealed>;
  /** Throws TamperedDataError when the row was altered or sealed for another place. */
  open(sealed: Sealed, context: string): Promise<unknown>;
}

/** Opens `sealed` here; rejects with TamperedDataError when it does not open. */
export async function unsealHere(
  key: CryptoKey,
  sealed: Sealed,
  context: string,
): Promise<ArrayBuffer> {
  try {
    return await unseal(key, sealed, context);
  } catch {
    throw new TamperedDataError(context);
  }
}

/** With an `unsealer`, values are decrypted there and only decoded and parsed here. */
export function aesGcmCipher(dataKey: CryptoKey, unsealer?: Unsealer): RecordCipher {
  return {
    seal: async (value, context) => seal(dataKey, await encodeAsciiJsonInSlices(value), context),
    async open(sealed, context) {
      const plaintext = unsealer
        ? await unsealer.unseal(dataKey, sealed, context)
        : await unsealHere(dataKey, sealed, context);
      return JSON.parse(utf8.decode(plaintext)) as unknown;
    },
  };
}
