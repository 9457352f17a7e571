/** Makes the contacts bench's CSV off the page (see `csvOf` in contacts.ts). */
import Papa from 'papaparse';
import { generateContactInputs } from '../fixtures/bench-contacts';

const HEADERS = [
  'First name',
  'Last name',
  'Display name',
  'Title',
  'Organization',
  'Country',
  'Email',
  'Phone',
  'Kind',
  'Language',
  'Tags',
  'Notes',
];

function csvBytes(count: number): Uint8Array<ArrayBuffer> {
  const inputs = generateContactInputs(count);
  const text = Papa.unparse({
    fields: HEADERS,
    data: inputs.map((input) => [
      input.givenName ?? '',
      input.familyName ?? '',
      input.displayName ?? '',
      input.title ?? '',
      input.organizationName ?? '',
      input.country ?? '',
      input.emails?.[0]?.value ?? '',
      input.phones?.[0]?.value ?? '',
      input.kind ?? '',
      input.preferredLanguage ?? '',
      (input.tags ?? []).join(', '),
      input.notes ?? '',
    ]),
  });
  return new TextEncoder().encode(`\uFEFF${text}\r\n`);
}

self.onmessage = (event: MessageEvent<number>) => {
  const bytes = csvBytes(event.data);
  self.postMessage(bytes, { transfer: [bytes.buffer] });
};
