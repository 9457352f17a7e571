import { NativeSelect, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LETTER_STATUSES, type Letter } from '@core/domain/letter';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { useAction } from '@renderer/lib/use-action';

/**
 * Draft → sent → delivered → answered, changed in place; a failed write says why in a tooltip
 * (the letters table has rows of one fixed height). A native select: light enough for the
 * dozens of rows a scrolling table creates each second, and keyboard-accessible as it is.
 */
export function LetterStatusSelect({ letter }: { letter: Letter }) {
  const { t } = useTranslation();
  const core = useDataCore();
  const { run, outcome } = useAction();
  const error = outcome?.message ?? null;
  return (
    <Tooltip label={error} opened={Boolean(error)} color="red" withArrow multiline w={260}>
      <NativeSelect
        size="xs"
        w={140}
        aria-label={t('writer.letters.status')}
        data={LETTER_STATUSES.map((value) => ({
          value,
          label: t(`writer.letters.statuses.${value}`),
        }))}
        value={letter.status}
        error={Boolean(error)}
        data-testid="letter-status"
        onChange={(event) => {
          const value = event.currentTarget.value as Letter['status'];
          if (value === letter.status) return;
          void run(() => core.letters.update(letter.id, { status: value }), {
            failed: (message) => t('writer.letters.statusFailed', { message }),
          });
        }}
      />
    </Tooltip>
  );
}
