import { Divider, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SettingsSection } from '@renderer/ui/SettingsSection';
import { AutoLockSetting } from './AutoLockSetting';
import { ChangePassphraseForm } from './ChangePassphraseForm';
import { ClipboardSetting } from './ClipboardSetting';
import { DuressSetting } from './DuressSetting';
import { ScreenCaptureSetting } from './ScreenCaptureSetting';
import { WipeAfterSetting } from './WipeAfterSetting';

export function SecuritySection() {
  const { t } = useTranslation();
  return (
    <SettingsSection title={t('security.title')} testId="security-section">
      <Stack gap="lg">
        <AutoLockSetting />
        <Divider />
        <ClipboardSetting />
        <Divider />
        <ScreenCaptureSetting />
        <Divider />
        <ChangePassphraseForm />
        <Divider />
        <WipeAfterSetting />
        <Divider />
        <DuressSetting />
      </Stack>
    </SettingsSection>
  );
}
