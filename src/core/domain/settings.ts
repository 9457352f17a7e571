import { z } from 'zod';
import { optionalText, recordBaseShape } from './common';
import { storedLetterImageBytes, storedLetterImageSchema } from './letter-image';
import { ARABIC_REGIONS, DEFAULT_ARABIC_REGION } from './arabic-region';
import { DEFAULT_LETTER_FONT, LETTER_FONT_CHOICES } from './letter-fonts';

export const organizationProfileSchema = z.strictObject({
  name: optionalText(200),
  addressLines: z.array(z.string().trim().min(1).max(200)).max(6).default([]),
  email: z.email('not a valid email address').optional(),
  phone: optionalText(40),
  website: optionalText(300),
  /** The sender who signs letters. */
  signatoryName: optionalText(200),
  signatoryTitle: optionalText(200),
});

export const settingsFields = {
  organizationProfile: organizationProfileSchema.default(() => organizationProfileSchema.parse({})),
  /** Unset until chosen: then `defaultLetterPaper` decides per letter run. */
  letterPaper: z.enum(['a4', 'letter']).optional(),
  /** 'region': as the Arabic region writes them (Arabic-Indic in the East, Latin in the Maghreb). */
  arabicDigits: z.enum(['arabic-indic', 'latin', 'region']).default('latin'),
  /** Month names and digits of Arabic dates in letters, reports and the app. */
  arabicRegion: z.enum(ARABIC_REGIONS).default(DEFAULT_ARABIC_REGION),
  showHijriDate: z.boolean().default(false),
  /** The fonts letters and reports name (fonts Word ships by default: see letter-fonts.ts). */
  letterFonts: z.enum(LETTER_FONT_CHOICES).default(DEFAULT_LETTER_FONT),
  /** Document properties of generated files: empty, or the organization's name as author. */
  letterAuthor: z.enum(['none', 'organization']).default('none'),
  /** Printed at the top of the letterhead; absent in settings saved before it existed. */
  letterheadLogo: storedLetterImageSchema.optional(),
  /** Printed above the signatory's name. */
  signatureImage: storedLetterImageSchema.optional(),
};

export const settingsSchema = z.strictObject(settingsFields);
export const settingsRecordSchema = z.strictObject({ ...recordBaseShape, ...settingsFields });

export type Settings = z.output<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;
export type OrganizationProfile = z.output<typeof organizationProfileSchema>;

/** Settings are stored like any record, under one fixed id. */
export const SETTINGS_ID = '00000000-0000-4000-8000-000000000001';

/** The stored images as the DOCX renderer takes them (LetterJob's logo and signatureImage). */
export function letterImagesOf(settings: Settings): {
  logo?: { bytes: Uint8Array };
  signatureImage?: { bytes: Uint8Array };
} {
  const { letterheadLogo, signatureImage } = settings;
  return {
    ...(letterheadLogo ? { logo: { bytes: storedLetterImageBytes(letterheadLogo) } } : {}),
    ...(signatureImage
      ? { signatureImage: { bytes: storedLetterImageBytes(signatureImage) } }
      : {}),
  };
}

const UNITED_STATES = new Set([
  'united states',
  'united states of america',
  'usa',
  'us',
  'u.s.',
  'u.s.a.',
]);

/**
 * The paper of letters when Settings do not name one: US Letter for a user in the US
 * (locale en-US) or when every recipient whose country is known is in the US; A4 elsewhere.
 */
export function defaultLetterPaper(
  locale: string,
  recipientCountries: readonly (string | undefined)[],
): 'a4' | 'letter' {
  if (locale.toLowerCase() === 'en-us') return 'letter';
  const known = recipientCountries.filter((country): country is string => Boolean(country?.trim()));
  return known.length > 0 &&
    known.every((country) => UNITED_STATES.has(country.trim().toLowerCase()))
    ? 'letter'
    : 'a4';
}
