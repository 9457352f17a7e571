/**
 * The duress slot: a small constant sealed with a key derived from the duress passphrase (its
 * own salt, the passphrase wrapping's KDF and cost when it was set). A workspace always has one: when no duress
 * passphrase is set, the slot holds random bytes of the same sizes, so the stored shape does
 * not tell whether one is set. Every unlock derives for this slot as well as for the
 * passphrase, so a wrong passphrase and the duress passphrase cost the same derivations.
 */
import { randomBytes, utf8 } from './bytes';
import {
  checkKdfParams,
  deriveKey,
  newKdfParams,
  type Argon2idDeriver,
  type KdfCost,
  type KdfParams,
} from './kdf';
import { isSealed, seal, unseal, type Sealed } from './sealed';

export interface DuressSlot {
  kdf: KdfParams;
  sealed: Sealed;
}

const DURESS_CONTEXT = 'tadamun:duress';
/** What the slot seals: 16 bytes, so that the sealed data is 32 bytes (with GCM's tag). */
const DURESS_CONSTANT = utf8.encode('tadamun-duress:1');
const SEALED_BYTES = DURESS_CONSTANT.byteLength + 16;

/** A slot that the given duress passphrase opens. */
export async function newDuressSlot(
  duress: string,
  cost: KdfCost,
  argon2id?: Argon2idDeriver,
): Promise<DuressSlot> {
  const kdf = newKdfParams(cost);
  const key = await deriveKey(duress, kdf, argon2id);
  return { kdf, sealed: await seal(key, new Uint8Array(DURESS_CONSTANT), DURESS_CONTEXT) };
}

/** A slot no passphrase opens, the same sizes as a real one: duress is off. */
export function emptyDuressSlot(cost: KdfCost): DuressSlot {
  return {
    kdf: newKdfParams(cost),
    sealed: { iv: randomBytes(12), data: randomBytes(SEALED_BYTES).buffer },
  };
}

export function isDuressSlot(value: unknown): value is DuressSlot {
  const candidate = value as Partial<DuressSlot> | null | undefined;
  if (!candidate || !isSealed(candidate.sealed)) return false;
  try {
    checkKdfParams(candidate.kdf);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether `passphrase` opens the slot. Always derives the key, whatever the slot holds, so
 * that the check costs one full derivation every time.
 */
export async function opensDuressSlot(
  slot: DuressSlot,
  passphrase: string,
  argon2id?: Argon2idDeriver,
): Promise<boolean> {
  const key = await deriveKey(passphrase, slot.kdf, argon2id);
  try {
    await unseal(key, slot.sealed, DURESS_CONTEXT);
    return true;
  } catch {
    return false;
  }
}
