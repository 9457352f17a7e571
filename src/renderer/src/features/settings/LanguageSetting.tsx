import { Input, SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isUiLanguage, UI_LANGUAGES } from '@shared/i18n/languages';
import { changeLanguage, currentLanguage } from '@renderer/app/i18n';
import { SettingsSection } from '@renderer/ui/SettingsSection';

export function LanguageSetting() {
  const { t } = useTranslation();
  return (
    <SettingsSection title={t('pages.settings.languageTitle')}>
      <Input.Wrapper
        label={t('pages.settings.languageLabel')}
        description={t('pages.settings.languageHint')}
        id="ui-language"
      >
        {/* A block wrapper puts the control under its label, with or without a description. */}
        <div>
          <SegmentedControl
            mt="xs"
            value={currentLanguage()}
            onChange={(value) => {
              if (isUiLanguage(value)) void changeLanguage(value);
            }}
            // Each language names itself, so a user who cannot read the current one finds theirs.
            data={UI_LANGUAGES.map((code) => ({
              value: code,
              label: <span lang={code}>{t(`languages.${code}`)}</span>,
            }))}
            data-testid="language-switch"
            aria-labelledby="ui-language-label"
          />
        </div>
      </Input.Wrapper>
    </SettingsSection>
  );
}
