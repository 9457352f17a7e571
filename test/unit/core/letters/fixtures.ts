import { campaignSchema, type CampaignInput } from '@core/domain/campaign';
import { contactInputSchema, type ContactInput } from '@core/domain/contact';
import { settingsSchema, type SettingsInput } from '@core/domain/settings';
import { starterTemplate, type LetterJob, type LetterRecipient } from '@core/letters';
import { aContact } from '../../../helpers/contact-fixture';

const NOW = '2026-11-25T09:00:00.000Z';
let counter = 0;
const id = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

/** A stored contact made of `input` as the schema checks it and fills it in. */
export function contact(input: ContactInput) {
  return aContact({ ...contactInputSchema.parse(input), createdAt: NOW, updatedAt: NOW });
}

export function recipient(
  input: ContactInput,
  extra: Partial<LetterRecipient> = {},
): LetterRecipient {
  const c = contact(input);
  return { id: c.id, contact: c, ...extra };
}

export function campaign(input: Partial<CampaignInput> = {}) {
  return campaignSchema.parse({
    id: id(),
    createdAt: NOW,
    updatedAt: NOW,
    name: 'Fair housing',
    ...input,
  });
}

export function settings(input: SettingsInput = {}) {
  return settingsSchema.parse(input);
}

/** The letters' date in the tests: 30 November 2026, local time. */
export const LETTER_DATE = new Date(2026, 10, 30, 10, 0);

export const HADDAD = {
  givenName: 'Layla',
  familyName: 'Haddad',
  chamber: 'upper',
  formOfAddress: 'feminine',
  district: 'District 7',
  title: 'State Senator',
  addresses: [
    {
      lines: ['State House, Room 410', '24 Beacon Street'],
      locality: 'Boston',
      region: 'MA',
      postalCode: '02133',
      country: 'USA',
    },
  ],
} satisfies ContactInput;

/** A US senator's Washington office: Latin lines in an Arabic letter. */
export const PADILLA = {
  givenName: 'Alex',
  familyName: 'Padilla',
  chamber: 'upper',
  kind: 'official',
  title: 'United States Senator',
  addresses: [
    {
      lines: ['331 Hart Senate Office Building'],
      locality: 'Washington',
      region: 'DC',
      postalCode: '20510',
      country: 'USA',
    },
  ],
} satisfies ContactInput;

export const REEM = {
  honorific: 'الدكتورة',
  givenName: 'ريم',
  familyName: 'الحداد',
  chamber: 'unicameral',
  formOfAddress: 'feminine',
  title: 'النائبة، رئيسة لجنة الصحة والسكان',
  addresses: [{ lines: ['مجلس النواب', 'شارع مجلس الشعب'], locality: 'القاهرة', country: 'مصر' }],
} satisfies ContactInput;

/** Strips the bidi controls pdftotext and our LTR embeddings add around runs. */
export const withoutBidiControls = (value: string) =>
  value.replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '');

const supportBill = () => starterTemplate('support-bill', 'en');

/** Three recipients of the English support letter, as a ZIP. */
export const threeRecipientJob = (overrides: Partial<LetterJob> = {}): LetterJob => ({
  template: supportBill(),
  recipients: [
    recipient(HADDAD),
    recipient({ givenName: 'Tom', familyName: 'Baker', chamber: 'lower' }),
    recipient({ givenName: 'Ana', familyName: 'Ortiz', formOfAddress: 'feminine' }),
  ],
  campaign: campaign({ policy: { identifier: 'S.1234' } }),
  settings: settings({ organizationProfile: { name: 'Bay State Pride' } }),
  date: LETTER_DATE,
  output: 'zip',
  ...overrides,
});
