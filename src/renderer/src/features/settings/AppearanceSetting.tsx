import {
  Input,
  SegmentedControl,
  useMantineColorScheme,
  type MantineColorScheme,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SettingsSection } from '@renderer/ui/SettingsSection';

const SCHEMES = [
  { value: 'auto', key: 'themeAuto' },
  { value: 'light', key: 'themeLight' },
  { value: 'dark', key: 'themeDark' },
] as const;

function isScheme(value: string): value is MantineColorScheme {
  return SCHEMES.some((scheme) => scheme.value === value);
}

export function AppearanceSetting() {
  const { t } = useTranslation();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <SettingsSection title={t('pages.settings.appearanceTitle')}>
      <Input.Wrapper label={t('pages.settings.themeLabel')} id="color-scheme">
        {/* A block wrapper puts the control under its label, with or without a description. */}
        <div>
          <SegmentedControl
            mt="xs"
            value={colorScheme}
            onChange={(value) => {
              if (isScheme(value)) setColorScheme(value);
            }}
            data={SCHEMES.map(({ value, key }) => ({ value, label: t(`pages.settings.${key}`) }))}
            data-testid="theme-switch"
            aria-labelledby="color-scheme-label"
          />
        </div>
      </Input.Wrapper>
    </SettingsSection>
  );
}
