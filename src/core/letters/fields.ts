/**
 * The merge-field catalogue: every name a template may use, how to fill it for one recipient,
 * and what the UI shows in its field picker (label keys in the letters i18n catalogue).
 */
import type { Campaign } from '../domain/campaign';
import type { ArabicRegion } from '../domain/arabic-region';
import type { Contact } from '../domain/contact';
import { identityName } from '../domain/contact';
import type { Settings } from '../domain/settings';
import type { Target } from '../domain/target';
import type { TemplateKind } from '../domain/template';
import { postalAddressLines, recipientBlockLines } from './address';
import { formatHijriDate, formatLetterDate, type EnglishDateLocale } from './dates';
import type { LetterLanguage } from './language';
import { salutation } from './salutation';

export interface LetterRecipient {
  /** The key of this letter in results: the target's id, else the contact's. */
  id: string;
  contact: Contact;
  /** The name of the contact's Organization record, when it has one. */
  organizationName?: string | undefined;
  target?: Target | undefined;
  /** The day of the last meeting, 'YYYY-MM-DD', for thank-you letters. */
  meetingDate?: string | undefined;
}

export interface LetterData {
  recipient?: LetterRecipient | undefined;
  campaign?: Campaign | undefined;
  settings: Settings;
  language: LetterLanguage;
  /** The letter's date ("today"). */
  date: Date;
  englishDateLocale?: EnglishDateLocale | undefined;
  /** Overrides the workspace's Arabic region (a template tagged "ar-MA", a job's choice). */
  arabicRegion?: ArabicRegion | undefined;
}

export type FieldGroup = 'target' | 'campaign' | 'sender' | 'letter';
export type FieldValue = string | boolean | null;

/** Specific codes for data whose absence the user should hear about before generating. */
export type MissingDataCode = 'no-postal-address' | 'no-family-name' | 'no-name' | 'missing-field';

export interface FieldDefinition {
  /** The Liquid name, e.g. 'target.family_name'. */
  id: string;
  group: FieldGroup;
  /** i18n key in the letters catalogue, e.g. 'letters.fields.target.family_name'. */
  labelKey: string;
  /** The template kinds the picker offers it for. */
  kinds: readonly TemplateKind[];
  /** Reported by checkRecipients when empty; computed fields that always have a value have none. */
  missingCode?: MissingDataCode;
  value(data: LetterData): FieldValue;
}

const ALL_KINDS: readonly TemplateKind[] = ['letter', 'email', 'call-script', 'social-post'];
const LETTERS: readonly TemplateKind[] = ['letter'];
const WRITTEN: readonly TemplateKind[] = ['letter', 'email'];

const or = (value: string | undefined): string | null => (value?.trim() ? value : null);
const lines = (values: readonly string[]): string | null =>
  values.length ? values.join('\n') : null;
const contactOf = (data: LetterData) => data.recipient?.contact;
const profileOf = (data: LetterData) => data.settings.organizationProfile;

function define(
  id: string,
  kinds: readonly TemplateKind[],
  value: (data: LetterData) => FieldValue,
  missingCode?: MissingDataCode,
): FieldDefinition {
  const group = (id.includes('.') ? id.split('.')[0] : 'letter') as FieldGroup;
  return {
    id,
    group,
    labelKey: `letters.fields.${id}`,
    kinds,
    value,
    ...(missingCode ? { missingCode } : {}),
  };
}

function contactLine(data: LetterData): string | null {
  const p = profileOf(data);
  const parts = [p.phone, p.email, p.website].filter((v): v is string => Boolean(v));
  return parts.length ? parts.join(' · ') : null;
}

export const FIELD_CATALOGUE: readonly FieldDefinition[] = [
  define('target.honorific', ALL_KINDS, (d) => or(contactOf(d)?.honorific)),
  define('target.given_name', ALL_KINDS, (d) => or(contactOf(d)?.givenName), 'missing-field'),
  define('target.family_name', ALL_KINDS, (d) => or(contactOf(d)?.familyName), 'no-family-name'),
  define(
    'target.full_name',
    ALL_KINDS,
    (d) => {
      const c = contactOf(d);
      return c ? or(identityName(c)) : null;
    },
    'no-name',
  ),
  define('target.title', ALL_KINDS, (d) => or(contactOf(d)?.title), 'missing-field'),
  define('target.chamber', ALL_KINDS, (d) => contactOf(d)?.chamber ?? null, 'missing-field'),
  define('target.district', ALL_KINDS, (d) => or(contactOf(d)?.district), 'missing-field'),
  define('target.region', ALL_KINDS, (d) => or(contactOf(d)?.region), 'missing-field'),
  define('target.country', ALL_KINDS, (d) => or(contactOf(d)?.country), 'missing-field'),
  define('target.party', ALL_KINDS, (d) => or(contactOf(d)?.party), 'missing-field'),
  define(
    'target.organization',
    ALL_KINDS,
    (d) => or(d.recipient?.organizationName ?? contactOf(d)?.organizationName),
    'missing-field',
  ),
  define(
    'target.address',
    LETTERS,
    (d) => {
      const address = contactOf(d)?.addresses[0];
      return address ? lines(postalAddressLines(address, d.language)) : null;
    },
    'no-postal-address',
  ),
  define('target.email', WRITTEN, (d) => or(contactOf(d)?.emails[0]?.value), 'missing-field'),
  define('target.form_of_address', ALL_KINDS, (d) => contactOf(d)?.formOfAddress ?? null),
  define('target.feminine', ALL_KINDS, (d) => contactOf(d)?.formOfAddress === 'feminine'),
  define('campaign.name', ALL_KINDS, (d) => or(d.campaign?.name), 'missing-field'),
  define('campaign.goal', ALL_KINDS, (d) => or(d.campaign?.goal), 'missing-field'),
  define('campaign.ask', ALL_KINDS, (d) => or(d.campaign?.ask), 'missing-field'),
  define('campaign.bill_id', ALL_KINDS, (d) => or(d.campaign?.policy?.identifier), 'missing-field'),
  define('campaign.bill_title', ALL_KINDS, (d) => or(d.campaign?.policy?.title), 'missing-field'),
  define(
    'campaign.jurisdiction',
    ALL_KINDS,
    (d) => or(d.campaign?.policy?.jurisdiction),
    'missing-field',
  ),
  define('sender.organization', ALL_KINDS, (d) => or(profileOf(d).name), 'missing-field'),
  define('sender.address', LETTERS, (d) => lines(profileOf(d).addressLines), 'missing-field'),
  define('sender.email', ALL_KINDS, (d) => or(profileOf(d).email), 'missing-field'),
  define('sender.phone', ALL_KINDS, (d) => or(profileOf(d).phone), 'missing-field'),
  define('sender.website', ALL_KINDS, (d) => or(profileOf(d).website), 'missing-field'),
  define('sender.contact_line', WRITTEN, contactLine, 'missing-field'),
  define('sender.name', ALL_KINDS, (d) => or(profileOf(d).signatoryName), 'missing-field'),
  define('sender.title', ALL_KINDS, (d) => or(profileOf(d).signatoryTitle), 'missing-field'),
  define('salutation', WRITTEN, (d) => salutation(contactOf(d), d.language)),
  define(
    'address_block',
    LETTERS,
    (d) => {
      const c = contactOf(d);
      if (!c?.addresses[0]) return null;
      return lines(recipientBlockLines(c, d.recipient?.organizationName, d.language));
    },
    'no-postal-address',
  ),
  define('today', ALL_KINDS, (d) => formatLetterDate(d.date, dateOptions(d))),
  define('today_hijri', ALL_KINDS, (d) => formatHijriDate(d.date, dateOptions(d))),
  define(
    'meeting_date',
    WRITTEN,
    (d) => {
      const day = d.recipient?.meetingDate;
      if (!day) return null;
      const [y, m, dd] = day.split('-').map(Number);
      return formatLetterDate(new Date(y ?? 0, (m ?? 1) - 1, dd ?? 1), {
        ...dateOptions(d),
        showHijriDate: false,
      });
    },
    'missing-field',
  ),
];

function dateOptions(d: LetterData) {
  return {
    language: d.language,
    arabicDigits: d.settings.arabicDigits,
    arabicRegion: d.arabicRegion ?? d.settings.arabicRegion,
    showHijriDate: d.settings.showHijriDate,
    englishLocale: d.englishDateLocale ?? (d.settings.letterPaper === 'letter' ? 'en-US' : 'en-GB'),
  } as const;
}

const BY_ID = new Map(FIELD_CATALOGUE.map((f) => [f.id, f]));

export function findField(id: string): FieldDefinition | undefined {
  return BY_ID.get(id);
}

/**
 * The Liquid context for one recipient: every catalogue field present (null when empty), or
 * only `fields` (the ones a template uses: see usedFields in engine.ts).
 */
export function buildLetterContext(
  data: LetterData,
  clean: (value: string) => string,
  fields: readonly FieldDefinition[] = FIELD_CATALOGUE,
): Record<string, unknown> {
  const context: Record<string, Record<string, FieldValue> | FieldValue> = {};
  for (const definition of fields) {
    const raw = definition.value(data);
    const value = typeof raw === 'string' ? clean(raw) || null : raw;
    const [group, name] = definition.id.includes('.')
      ? definition.id.split('.')
      : [undefined, definition.id];
    if (group && name) {
      const bucket = (context[group] ??= {}) as Record<string, FieldValue>;
      bucket[name] = value;
    } else if (name) {
      context[name] = value;
    }
  }
  return context;
}
