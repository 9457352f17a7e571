import { Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { setHideFromCapture, useHideFromCapture } from '@renderer/lib/screen-capture';
import { useAction } from '@renderer/lib/use-action';
import { OutcomeNotice } from '@renderer/ui/OutcomeNotice';

export function ScreenCaptureSetting() {
  const { t } = useTranslation();
  const hidden = useHideFromCapture();
  const saving = useAction();
  return (
    <div>
      <Switch
        checked={hidden}
        disabled={saving.busy}
        onChange={(event) => {
          const hide = event.currentTarget.checked;
          void saving.run(() => setHideFromCapture(hide), {
            failed: (reason) => t('security.captureFailed', { reason }),
          });
        }}
        label={t('security.captureLabel')}
        description={t('security.captureHint')}
        data-testid="hide-from-capture"
      />
      <OutcomeNotice outcome={saving.outcome} testId="hide-from-capture-outcome" />
    </div>
  );
}
