export const UI_LANGUAGES = ['en', 'ar'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export type TextDirection = 'ltr' | 'rtl';

const RTL_LANGUAGES: ReadonlySet<string> = new Set(['ar', 'fa', 'he', 'ur']);

export function directionOf(language: string): TextDirection {
  return RTL_LANGUAGES.has(language.split('-')[0] ?? '') ? 'rtl' : 'ltr';
}

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** Picks the UI language for a first start from the OS/browser locale list. */
export function pickUiLanguage(preferred: readonly string[]): UiLanguage {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isUiLanguage(base)) return base;
  }
  return 'en';
}

/**
 * The locale every date and number of the UI is formatted in: one per language, so the
 * Dashboard, dialogs and confirmations agree. Arabic asks for Arabic-Indic digits by name
 * (the bare "ar" locale gives Latin digits in some ICU versions, Arabic-Indic in others).
 */
export function formattingLocale(language: string): string {
  return (language.split('-')[0] ?? language) === 'ar' ? arabicLocale : language;
}

let arabicLocale = 'ar-u-nu-arab';

/**
 * While a workspace is open, its Arabic region's locale (e.g. "ar-LB", "ar-MA") formats every
 * date and number of the Arabic UI: the region's month names and digits, the same on every
 * screen. Without one (the lock screen), Arabic-Indic digits.
 */
export function setArabicRegionLocale(regionLocale: string | undefined): void {
  arabicLocale = regionLocale ?? 'ar-u-nu-arab';
}
