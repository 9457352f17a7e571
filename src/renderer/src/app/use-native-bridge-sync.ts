import { useDirection } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { directionOf, isUiLanguage } from '@shared/i18n/languages';
import { bridge } from '@renderer/lib/bridge';

/**
 * Keeps the native side in step with the UI: the menu follows the language, Mantine follows
 * the direction, and menu commands (e.g. File > Settings) navigate.
 */
export function useNativeBridgeSync(): void {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  const navigate = useNavigate();
  const language = i18n.language;

  useEffect(() => {
    if (!isUiLanguage(language)) return;
    setDirection(directionOf(language));
    void bridge.setUiLanguage(language);
  }, [language, setDirection]);

  useEffect(
    () =>
      bridge.onMenuCommand((command) => {
        if (command.type === 'navigate') void navigate(`/${command.route}`);
      }),
    [navigate],
  );
}
