/**
 * Five recipients and a template with lists and a condition: the jobs written in slices, in
 * shares and as packages, compared with the letters renderLetterDocx writes one by one.
 */
import { strFromU8, unzipSync } from 'fflate';
import {
  compileTemplate,
  serializeTemplateDocument,
  starterTemplate,
  templateBuilders as b,
  type LetterJob,
  type LetterLayout,
} from '@core/letters';
import { campaign, HADDAD, LETTER_DATE, recipient, REEM, settings } from './fixtures';

export const SETTINGS = settings({
  organizationProfile: { name: 'Bay State Pride', signatoryName: 'Sam Rivera' },
});

export const listTemplate = () => ({
  ...starterTemplate('support-bill', 'en'),
  body: serializeTemplateDocument(
    b.doc(
      b.paragraph(b.field('salutation')),
      b.orderedList(['First {{ target.family_name }}'], ['Second']),
      b.bulletList(['A point'], ['Another point']),
      b.paragraph('{% if target.district %}In {{ target.district }}.{% endif %}'),
    ),
  ),
});

export const people = [
  recipient(HADDAD),
  recipient({ givenName: 'Tom', familyName: 'Baker', chamber: 'lower', district: 'D 2' }),
  recipient({ givenName: 'Layla', familyName: 'Haddad', chamber: 'upper' }),
  recipient({ ...REEM, formOfAddress: 'feminine' }),
  recipient({ givenName: 'Ana', familyName: 'Ortiz', formOfAddress: 'feminine' }),
];

export const listJob = (overrides: Partial<LetterJob> = {}): LetterJob => ({
  template: listTemplate(),
  recipients: people,
  campaign: campaign({ policy: { identifier: 'S.1234' } }),
  settings: SETTINGS,
  date: LETTER_DATE,
  output: 'zip',
  ...overrides,
});

export const parts = (bytes: Uint8Array) => {
  const zip = unzipSync(bytes);
  return Object.fromEntries(Object.entries(zip).map(([name, data]) => [name, strFromU8(data)]));
};

/** Drawing ids count on through a document; everything else must match. */
export const withoutDrawingIds = (xml: string) => xml.replace(/ id="\d+"/g, ' id=""');
/** Creation times are written when packed. */
export const withoutTimes = (xml: string) => xml.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'T');

export function layouts(count: number): LetterLayout[] {
  const compiled = compileTemplate(listTemplate());
  return people.slice(0, count).map((r) => ({
    letter: compiled.render({ recipient: r, settings: SETTINGS, date: LETTER_DATE }),
    date: '30 November 2026',
    recipientLines: [r.contact.givenName ?? '', 'Boston'],
  }));
}
