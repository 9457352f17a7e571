/// <reference lib="webworker" />
/** Decrypts sealed rows for the page while it unlocks (see unseal-worker-client.ts). */
import { outlinedPayload, outlineUnits, pageReadyPayload, unsealHere } from '@core/crypto';
import type { UnsealRequest, UnsealResponse } from './messages';

declare const self: DedicatedWorkerGlobalScope;

let key: CryptoKey | undefined;

self.onmessage = (event: MessageEvent<UnsealRequest>) => {
  const request = event.data;
  if (request.type === 'key') {
    key = request.key;
    return;
  }
  const { id, sealed, context, form } = request;
  const opening = key ? unsealHere(key, sealed, context) : Promise.reject(new Error('no key'));
  opening.then(
    (opened) => {
      if (form === 'records') {
        const { text, outline } = outlinedPayload(opened);
        const response: UnsealResponse = { type: 'opened', id, plaintext: text, outline };
        self.postMessage(response, outline ? [text, outline.bounds.buffer] : [text]);
        return;
      }
      const plaintext = form === 'whole' ? pageReadyPayload(opened) : opened;
      self.postMessage({ type: 'opened', id, plaintext } satisfies UnsealResponse, [plaintext]);
    },
    () => self.postMessage({ type: 'tampered', id } satisfies UnsealResponse),
  );
};

self.postMessage({ type: 'ready' } satisfies UnsealResponse);

/**
 * While the key is derived this worker is idle: outlining sample records now lets V8 compile
 * the scan before the chunks arrive (a cold worker ran it unoptimized several times slower).
 */
function warmUp(): void {
  const record = { id: crypto.randomUUID(), name: 'فاطمة "x"', tags: ['a'], at: { n: 1 } };
  const text = JSON.stringify(Array.from({ length: 200 }, () => record));
  const units = Uint16Array.from(text, (char) => char.charCodeAt(0));
  for (let round = 0; round < 50; round += 1) outlineUnits(units);
}
setTimeout(warmUp, 0);
