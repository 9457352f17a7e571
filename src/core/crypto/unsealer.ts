/**
 * Opening sealed values off the page's thread. In Chromium, WebCrypto's AES-GCM runs on the
 * calling thread: decrypting a large workspace at unlock froze the page. An
 * unsealer (a worker in the app) decrypts while the page parses what it already received;
 * the bytes move both ways without copies.
 */
import type { OpenedRecords } from './json-outline';
import type { Sealed } from './sealed';

export interface Unsealer {
  /**
   * The plaintext of `sealed`; rejects with TamperedDataError when it does not open. The
   * sealed bytes may be moved to the unsealer: `sealed.data` is unusable afterwards. `whole`:
   * a whole payload (not a part), which the unsealer may hand back as ASCII JSON instead
   * (`pageReadyPayload`): Chromium decodes that fastest, and it parses the same.
   */
  unseal(
    key: CryptoKey,
    sealed: Sealed,
    context: string,
    options?: { whole?: boolean },
  ): Promise<ArrayBuffer>;
  /**
   * A whole payload holding a list of records, as `outlinedPayload` gives it: the page then
   * parses a record only when it is needed. Rejects as `unseal` does.
   */
  unsealRecords(key: CryptoKey, sealed: Sealed, context: string): Promise<OpenedRecords>;
  /** Ends the unsealer (and forgets the key) once the requests already made are answered. */
  close(): void;
}
