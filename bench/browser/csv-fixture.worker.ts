/** Makes the contacts bench's CSV off the page (see `csvOf` in contacts.ts). */
import { contactsCsvBytes } from '../fixtures/contacts-csv';

self.onmessage = (event: MessageEvent<number>) => {
  const bytes = contactsCsvBytes(event.data);
  self.postMessage(bytes, { transfer: [bytes.buffer] });
};
