import { Input } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '@renderer/ui/LanguageSwitch';
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
          <LanguageSwitch
            mt="xs"
            data-testid="language-switch"
            aria-labelledby="ui-language-label"
          />
        </div>
      </Input.Wrapper>
    </SettingsSection>
  );
}
