import { Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LETTER_STATUSES, type Letter } from '@core/domain/letter';
import { useDataCore } from '@renderer/app/data/data-core-context';

/** Draft → sent → delivered → answered, changed in place; a failed write says why. */
export function LetterStatusSelect({ letter }: { letter: Letter }) {
  const { t } = useTranslation();
  const core = useDataCore();
  const [error, setError] = useState<string | null>(null);
  return (
    <Select
      size="xs"
      w={140}
      aria-label={t('writer.letters.status')}
      data={LETTER_STATUSES.map((value) => ({
        value,
        label: t(`writer.letters.statuses.${value}`),
      }))}
      value={letter.status}
      allowDeselect={false}
      error={error}
      data-testid="letter-status"
      onChange={(value) => {
        if (!value || value === letter.status) return;
        setError(null);
        core.letters
          .update(letter.id, { status: value as Letter['status'] })
          .catch((e: Error) => setError(t('writer.letters.statusFailed', { message: e.message })));
      }}
    />
  );
}
