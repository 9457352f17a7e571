import { useDirection } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { directionOf, isUiLanguage } from '@shared/i18n/languages';
import { bridge } from '@renderer/lib/bridge';

/**
 * Keeps the native side in step with the UI, locked or not: the menu follows the language,
 * Mantine follows the direction. (Menu navigation, which needs the router, is in
 * use-menu-navigation.ts: the lock screen loads without the router.)
 */
export function useLanguageSync(): void {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  const language = i18n.language;

  useEffect(() => {
    if (!isUiLanguage(language)) return;
    setDirection(directionOf(language));
    void bridge.setUiLanguage(language);
  }, [language, setDirection]);
}
