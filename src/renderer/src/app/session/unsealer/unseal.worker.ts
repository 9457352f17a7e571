/// <reference lib="webworker" />
/** Decrypts sealed rows for the page while it unlocks (see unseal-worker-client.ts). */
import { pageReadyPayload, unsealHere } from '@core/crypto';
import type { UnsealRequest, UnsealResponse } from './messages';

declare const self: DedicatedWorkerGlobalScope;

let key: CryptoKey | undefined;

self.onmessage = (event: MessageEvent<UnsealRequest>) => {
  const request = event.data;
  if (request.type === 'key') {
    key = request.key;
    return;
  }
  const { id, sealed, context, whole } = request;
  const opening = key ? unsealHere(key, sealed, context) : Promise.reject(new Error('no key'));
  opening.then(
    (opened) => {
      const plaintext = whole ? pageReadyPayload(opened) : opened;
      self.postMessage({ type: 'opened', id, plaintext } satisfies UnsealResponse, [plaintext]);
    },
    () => self.postMessage({ type: 'tampered', id } satisfies UnsealResponse),
  );
};

self.postMessage({ type: 'ready' } satisfies UnsealResponse);
