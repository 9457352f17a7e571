import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogues } from '@shared/i18n/catalogues';
import type { en } from '@shared/i18n/en';
import {
  directionOf,
  isUiLanguage,
  pickUiLanguage,
  UI_LANGUAGES,
  type UiLanguage,
} from '@shared/i18n/languages';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
  }
}

const LANGUAGE_KEY = 'tadamun.uiLanguage';

function storedLanguage(): UiLanguage {
  const saved = localStorage.getItem(LANGUAGE_KEY);
  return isUiLanguage(saved) ? saved : pickUiLanguage(navigator.languages);
}

/** Sets lang and dir on <html>: the whole page, native controls included, mirrors in RTL. */
function applyToDocument(language: UiLanguage): void {
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

export function currentLanguage(): UiLanguage {
  return isUiLanguage(i18next.language) ? i18next.language : 'en';
}

export async function changeLanguage(language: UiLanguage): Promise<void> {
  localStorage.setItem(LANGUAGE_KEY, language);
  await i18next.changeLanguage(language);
}

export async function initI18n(): Promise<typeof i18next> {
  const language = storedLanguage();
  applyToDocument(language);
  i18next.on('languageChanged', (next) => {
    if (isUiLanguage(next)) applyToDocument(next);
  });
  await i18next.use(initReactI18next).init({
    resources: Object.fromEntries(
      UI_LANGUAGES.map((code) => [code, { translation: catalogues[code] }]),
    ),
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...UI_LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}
