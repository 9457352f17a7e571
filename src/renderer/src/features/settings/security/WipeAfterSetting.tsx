import { Group, NumberInput, Stack, Switch, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { useSession } from '@renderer/app/session/session-context';
import { formatNumber } from '@renderer/lib/format-number';
import { reasonOf } from '@renderer/lib/reason-of';
import { useAction } from '@renderer/lib/use-action';
import { Notice } from '../../../ui/Notice';

const MIN = 3;
const MAX = 20;
const DEFAULT = 10;

/** Off by default: erase the workspace after N wrong passphrases in a row (3 to 20). */
export function WipeAfterSetting() {
  const { t, i18n } = useTranslation();
  const { vault } = useSession();
  const core = useDataCore();
  /** undefined while it is read. */
  const [wipeAfter, setWipeAfter] = useState<number | null | undefined>(undefined);
  const [count, setCount] = useState<number | string>(DEFAULT);
  const saving = useAction();
  /** Why the stored setting could not be read, if it could not. */
  const [readFailure, setReadFailure] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    vault.state().then(
      (state) => {
        if (!live) return;
        const stored = state.kind === 'locked' ? state.lockout.wipeAfter : null;
        setWipeAfter(stored);
        if (stored !== null) setCount(stored);
      },
      (error: unknown) => live && setReadFailure(reasonOf(error)),
    );
    return () => {
      live = false;
    };
  }, [vault]);

  /** Shows the new value at once; puts the old one back if it cannot be stored. */
  async function save(next: number | null) {
    const previous = wipeAfter;
    setWipeAfter(next);
    setReadFailure(null);
    const saved = await saving.run(() => vault.setWipeAfter(core.store, next), {
      done: t('security.wipeSaved'),
      failed: (reason) => t('security.wipeFailed', { reason }),
    });
    if (!saved.ok) setWipeAfter(previous);
  }
  const status =
    saving.outcome ??
    (readFailure
      ? { ok: false, message: t('security.wipeFailed', { reason: readFailure }) }
      : null);

  const enabled = wipeAfter !== null && wipeAfter !== undefined;
  const valid =
    typeof count === 'number' && Number.isInteger(count) && count >= MIN && count <= MAX;
  return (
    <Stack gap="sm" data-testid="wipe-after">
      <Title order={3} size="h5">
        {t('security.wipeTitle')}
      </Title>
      <Switch
        checked={enabled}
        disabled={wipeAfter === undefined}
        onChange={(event) => {
          const on = event.currentTarget.checked;
          void save(on ? (valid ? count : DEFAULT) : null);
        }}
        label={t('security.wipeLabel')}
        description={t('security.wipeHint')}
        data-testid="wipe-switch"
      />
      {enabled && (
        <>
          <NumberInput
            label={t('security.wipeCountLabel')}
            value={count}
            min={MIN}
            max={MAX}
            clampBehavior="blur"
            allowDecimal={false}
            allowNegative={false}
            styles={{ wrapper: { width: 120 } }}
            onChange={(value) => {
              setCount(value);
              if (
                typeof value === 'number' &&
                value >= MIN &&
                value <= MAX &&
                value !== wipeAfter
              ) {
                void save(value);
              }
            }}
            data-testid="wipe-count"
          />
          <Notice tone="danger" variant="light" data-testid="wipe-warning">
            {t('security.wipeWarning', {
              count: wipeAfter,
              n: formatNumber(wipeAfter, i18n.language),
            })}
          </Notice>
        </>
      )}
      {status && (
        <Group gap={6} c={status.ok ? 'teal' : 'red'} aria-live="polite">
          {status.ok ? (
            <IconCheck size={16} aria-hidden />
          ) : (
            <IconAlertTriangle size={16} aria-hidden />
          )}
          <Text size="sm" data-testid="wipe-status">
            {status.message}
          </Text>
        </Group>
      )}
    </Stack>
  );
}
