/** Seals stored values (JSON) with the workspace's data key: what the record store uses. */
import { outlinedPayload, recordsOf, type OutlinedRecords } from './json-outline';
import { payloadText, withPaddedJsonInSlices, withPaddedJsonParts } from './padded-payload';
import { yieldToEventLoop } from '../scheduling/time-slices';
import { toBase64 } from './bytes';
import { TamperedDataError } from './errors';
import { seal, unseal, type Sealed } from './sealed';
import type { Unsealer } from './unsealer';

export interface RecordCipher {
  seal(value: unknown, context: string): Promise<Sealed>;
  /** Throws TamperedDataError when the row was altered or sealed for another place. */
  open(sealed: Sealed, context: string): Promise<unknown>;
  /**
   * Opens a sealed list of records (a chunk) as `open` does, but may leave the records
   * unparsed (see json-outline.ts): they are authenticated either way.
   */
  openRecords(sealed: Sealed, context: string): Promise<OutlinedRecords | unknown[]>;
  /**
   * Seals a large value as parts of at most `partBytes` each, in tasks of their own (one task
   * for the whole search copy froze the page). One part is exactly what `seal` gives; with more,
   * each is sealed for its place in the whole, and parts from two sealings never open together.
   */
  sealInParts(
    value: unknown,
    context: string,
    partBytes: number,
    onPart?: PartSink,
  ): Promise<Sealed[]>;
  /** Opens what `sealInParts` gave; throws TamperedDataError as `open` does. */
  openParts(parts: readonly Sealed[], context: string): Promise<unknown>;
}

/**
 * Takes each part of a value sealed in more than one as it is sealed, in order (they are then
 * not returned): the parts need not all be in memory at once.
 */
export type PartSink = (part: Sealed, index: number, count: number) => Promise<void>;

/** Where part `index` of `count` sits: later parts name the first part's nonce. */
function partContext(context: string, index: number, count: number, firstIv: Uint8Array) {
  const place = `${context}/part ${index} of ${count}`;
  return index === 0 ? place : `${place} after ${toBase64(firstIv)}`;
}

function joinBytes(parts: readonly ArrayBuffer[]): Uint8Array<ArrayBuffer> {
  const joined = new Uint8Array(parts.reduce((total, part) => total + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(new Uint8Array(part), offset);
    offset += part.byteLength;
  }
  return joined;
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

/** WebCrypto encrypts on the calling thread: values larger than this get a task of their own. */
const SEAL_ALONE_BYTES = 1 << 20;

/** With an `unsealer`, values are decrypted there and only decoded and parsed here. */
export function aesGcmCipher(dataKey: CryptoKey, unsealer?: Unsealer): RecordCipher {
  const sealBytes = async (plaintext: Uint8Array<ArrayBuffer>, context: string) => {
    if (plaintext.byteLength >= SEAL_ALONE_BYTES) await yieldToEventLoop();
    return seal(dataKey, plaintext, context);
  };
  const openBytes = (sealed: Sealed, context: string, whole: boolean) =>
    unsealer
      ? unsealer.unseal(dataKey, sealed, context, { whole })
      : unsealHere(dataKey, sealed, context);
  const parse = (plaintext: ArrayBuffer) => JSON.parse(payloadText(plaintext)) as unknown;
  return {
    seal: (value, context) =>
      withPaddedJsonInSlices(value, (plaintext) => sealBytes(plaintext, context)),
    open: async (sealed, context) => parse(await openBytes(sealed, context, true)),
    openRecords: async (sealed, context) =>
      recordsOf(
        unsealer
          ? await unsealer.unsealRecords(dataKey, sealed, context)
          : outlinedPayload(await unsealHere(dataKey, sealed, context)),
      ),
    async sealInParts(value, context, partBytes, onPart) {
      const parts: Sealed[] = [];
      let firstIv: Uint8Array | undefined;
      // Each part sealed as it is written: the whole payload never waits for them.
      await withPaddedJsonParts(value, partBytes, async (bytes, index, count) => {
        if (count === 1) {
          parts.push(await sealBytes(bytes, context));
          return;
        }
        await yieldToEventLoop();
        const part = await seal(
          dataKey,
          bytes,
          partContext(context, index, count, firstIv ?? new Uint8Array()),
        );
        firstIv ??= part.iv;
        if (onPart) await onPart(part, index, count);
        else parts.push(part);
      });
      return parts;
    },
    async openParts(parts, context) {
      const first = parts[0];
      if (!first) throw new TamperedDataError(context);
      if (parts.length === 1) return this.open(first, context);
      // Named before opening: the unsealer may take the parts' bytes, nonces included.
      const contexts = parts.map((_, index) => partContext(context, index, parts.length, first.iv));
      const opened = await Promise.all(
        parts.map((part, index) => openBytes(part, contexts[index] ?? '', false)),
      );
      return parse(joinBytes(opened).buffer);
    },
  };
}
