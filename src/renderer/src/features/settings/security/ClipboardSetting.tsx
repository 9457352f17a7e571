import { Input, SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  CLIPBOARD_CLEAR_CHOICES,
  isClipboardClearChoice,
  setClipboardClearSeconds,
  useClipboardClearSeconds,
} from '@renderer/lib/clipboard-clear-after';
import { formatNumber } from '@renderer/lib/format-number';

export function ClipboardSetting() {
  const { t, i18n } = useTranslation();
  const seconds = useClipboardClearSeconds();
  return (
    <Input.Wrapper
      label={t('security.clipboardLabel')}
      description={t('security.clipboardHint')}
      id="clipboard-clear"
    >
      <div>
        <SegmentedControl
          mt="xs"
          value={String(seconds)}
          onChange={(value) => {
            const chosen = Number(value);
            if (isClipboardClearChoice(chosen)) setClipboardClearSeconds(chosen);
          }}
          data={CLIPBOARD_CLEAR_CHOICES.map((choice) => ({
            value: String(choice),
            label:
              choice === 60 || choice === 120
                ? t(`security.clipboardSeconds.s${choice}`)
                : t('security.clipboardSeconds.seconds', {
                    n: formatNumber(choice, i18n.language),
                    count: choice,
                  }),
          }))}
          aria-labelledby="clipboard-clear-label"
          data-testid="clipboard-clear-switch"
        />
      </div>
    </Input.Wrapper>
  );
}
