/**
 * Arabic writing differs by region in month names and digits: the Levant and Iraq write
 * «تشرين الثاني» with Arabic-Indic digits, Egypt and the Gulf «نوفمبر», Tunisia and Algeria
 * «نوفمبر، جانفي، فيفري» with Latin digits, Morocco «نونبر، يوليوز، غشت». Intl knows each
 * through a locale; the workspace picks a region and a template's language tag ("ar-MA")
 * overrides it for its letters.
 */
export const ARABIC_REGIONS = ['levant-iraq', 'egypt-gulf', 'tunisia-algeria', 'morocco'] as const;
export type ArabicRegion = (typeof ARABIC_REGIONS)[number];

/** The digits setting: always Latin, always Arabic-Indic, or as the region writes them. */
export type ArabicDigitsSetting = 'arabic-indic' | 'latin' | 'region';
export type ArabicDigits = 'arabic-indic' | 'latin';

export const DEFAULT_ARABIC_REGION: ArabicRegion = 'egypt-gulf';

/** The Intl locale of each region (its language tag in DOCX files too). */
export const REGION_LOCALE: Record<ArabicRegion, string> = {
  'levant-iraq': 'ar-LB',
  'egypt-gulf': 'ar-EG',
  'tunisia-algeria': 'ar-TN',
  morocco: 'ar-MA',
};

/** The digits each region's own locale writes (ICU/CLDR: `arab` in the East, `latn` in the Maghreb). */
export const REGION_DIGITS: Record<ArabicRegion, ArabicDigits> = {
  'levant-iraq': 'arabic-indic',
  'egypt-gulf': 'arabic-indic',
  'tunisia-algeria': 'latin',
  morocco: 'latin',
};

const COUNTRY_REGION: Record<string, ArabicRegion> = {
  LB: 'levant-iraq',
  SY: 'levant-iraq',
  JO: 'levant-iraq',
  PS: 'levant-iraq',
  IQ: 'levant-iraq',
  EG: 'egypt-gulf',
  SA: 'egypt-gulf',
  AE: 'egypt-gulf',
  KW: 'egypt-gulf',
  QA: 'egypt-gulf',
  BH: 'egypt-gulf',
  OM: 'egypt-gulf',
  YE: 'egypt-gulf',
  SD: 'egypt-gulf',
  LY: 'egypt-gulf',
  TN: 'tunisia-algeria',
  DZ: 'tunisia-algeria',
  MA: 'morocco',
  EH: 'morocco',
};

/** The region an Arabic language tag names ("ar-LB" → levant-iraq); none for "ar" or English. */
export function regionOfTag(tag: string | undefined): ArabicRegion | undefined {
  const [language, ...rest] = (tag ?? '').split('-');
  if (language?.toLowerCase() !== 'ar') return undefined;
  const country = rest.find((part) => /^[A-Za-z]{2}$/.test(part))?.toUpperCase();
  return country ? COUNTRY_REGION[country] : undefined;
}

export function resolveArabicDigits(
  setting: ArabicDigitsSetting,
  region: ArabicRegion,
): ArabicDigits {
  return setting === 'region' ? REGION_DIGITS[region] : setting;
}

/** The Intl locale for Arabic text of a region, with its digits and optionally a calendar. */
export function arabicIntlLocale(
  region: ArabicRegion,
  digits: ArabicDigits,
  calendar?: string,
): string {
  const extensions = [calendar ? `ca-${calendar}` : '', digits === 'latin' ? 'nu-latn' : 'nu-arab']
    .filter(Boolean)
    .join('-');
  return `${REGION_LOCALE[region]}-u-${extensions}`;
}

/** Western digits as Arabic-Indic ones (U+0660–0669). */
export const toArabicIndic = (value: string): string =>
  value.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));
