/** What became of a form's action: done, or failed with a reason and optional details. */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Outcome } from '@renderer/lib/use-action';
import { Notice } from './Notice';

export type { Outcome };

export function OutcomeNotice({ outcome, testId }: { outcome: Outcome | null; testId: string }) {
  const { t } = useTranslation();
  if (!outcome) return null;
  return (
    <Notice tone={outcome.ok ? 'success' : 'danger'} data-testid={testId} data-ok={outcome.ok}>
      <Text size="sm">{outcome.message}</Text>
      {!outcome.ok && outcome.detail && (
        <Text size="xs" c="dimmed" mt={6} dir="auto">
          {t('common.details')}: {outcome.detail}
        </Text>
      )}
    </Notice>
  );
}
