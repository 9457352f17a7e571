import { SegmentedControl, type SegmentedControlProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isUiLanguage, UI_LANGUAGES } from '@shared/i18n/languages';
import { changeLanguage, currentLanguage } from '@renderer/app/i18n';

/** English | العربية: each language names itself, so anyone finds theirs. */
export function LanguageSwitch(props: Omit<SegmentedControlProps, 'data' | 'value' | 'onChange'>) {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      {...props}
      // i18n.language makes the control follow a change made elsewhere.
      value={isUiLanguage(i18n.language) ? i18n.language : currentLanguage()}
      onChange={(value) => {
        if (isUiLanguage(value)) void changeLanguage(value);
      }}
      data={UI_LANGUAGES.map((code) => ({
        value: code,
        label: <span lang={code}>{t(`languages.${code}`)}</span>,
      }))}
    />
  );
}
