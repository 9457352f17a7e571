import { Input, Kbd, SegmentedControl, Text } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import {
  AUTO_LOCK_CHOICES,
  isAutoLockChoice,
  setAutoLockMinutes,
  useAutoLockMinutes,
} from '@renderer/app/session/auto-lock';
import { PANIC_SHORTCUT, shortcutLabel } from '@renderer/app/session/shortcuts';
import { formatNumber } from '@renderer/lib/format-number';

export function AutoLockSetting() {
  const { t, i18n } = useTranslation();
  const minutes = useAutoLockMinutes();
  return (
    <div>
      <Input.Wrapper
        label={t('security.autoLockLabel')}
        description={t('security.autoLockHint')}
        id="auto-lock"
      >
        <div>
          <SegmentedControl
            mt="xs"
            value={String(minutes)}
            onChange={(value) => {
              const chosen = Number(value);
              if (isAutoLockChoice(chosen)) setAutoLockMinutes(chosen);
            }}
            data={AUTO_LOCK_CHOICES.map((choice) => ({
              value: String(choice),
              label:
                choice === 1 || choice === 60
                  ? t(`security.autoLock.m${choice}`)
                  : t('security.autoLock.minutes', {
                      n: formatNumber(choice, i18n.language),
                      count: choice,
                    }),
            }))}
            aria-labelledby="auto-lock-label"
            data-testid="auto-lock-switch"
          />
        </div>
      </Input.Wrapper>
      <Text size="sm" mt="md" data-testid="panic-hint">
        <Trans
          i18nKey="security.panicHint"
          values={{ shortcut: shortcutLabel(PANIC_SHORTCUT) }}
          components={{ kbd: <Kbd dir="ltr" size="xs" /> }}
        />
      </Text>
    </div>
  );
}
