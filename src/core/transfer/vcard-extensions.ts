/** Tadamun's own vCard properties (X- extensions), for the fields vCard has no place for. */
import type { SimpleField } from './import-fields';

export const VCARD_EXTENSIONS: Readonly<Record<string, SimpleField>> = {
  'X-TADAMUN-KIND': 'kind',
  'X-TADAMUN-COUNTRY': 'country',
  'X-TADAMUN-REGION': 'region',
  'X-TADAMUN-DISTRICT': 'district',
  'X-TADAMUN-CHAMBER': 'chamber',
  'X-TADAMUN-PARTY': 'party',
  'X-TADAMUN-DO-NOT-CONTACT': 'doNotContact',
  'X-TADAMUN-SENSITIVE': 'sensitive',
  'X-TADAMUN-EXTERNAL-ID': 'externalId',
  'X-TADAMUN-CODE-NAME': 'codeName',
};
