/** Step 4: how many contacts were imported, or that nothing was. */
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '@renderer/lib/format-number';
import { reasonOf } from '@renderer/lib/reason-of';
import { Notice } from '@renderer/ui/Notice';
import type { WizardState } from './use-import-wizard';

export function ImportResult({ outcome }: { outcome: NonNullable<WizardState['outcome']> }) {
  const { t, i18n } = useTranslation();
  const count = (value: number) => formatNumber(value, i18n.language);
  if (!outcome.ok) {
    return (
      <Notice tone="danger" data-testid="import-result" data-ok="false">
        <Text size="sm">{t('transfer.import.failed')}</Text>
        <Text size="xs" c="dimmed" mt={6} dir="auto">
          {t('transfer.import.failedReason', { reason: reasonOf(outcome.error) })}
        </Text>
      </Notice>
    );
  }
  const { value, skipped } = outcome;
  return (
    <Notice
      tone="success"
      data-testid="import-result"
      data-ok="true"
      data-count={value.created.length}
      data-linked={value.linkedToOrganizations}
    >
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t('transfer.import.done', {
            count: value.created.length,
            n: count(value.created.length),
          })}
        </Text>
        {(value.updated ?? 0) > 0 && (
          <Text size="sm" data-testid="import-result-updated">
            {t('transfer.import.updatedDone', {
              count: value.updated ?? 0,
              n: count(value.updated ?? 0),
            })}
          </Text>
        )}
        {(value.organizationsCreated ?? 0) > 0 && (
          <Text size="sm" data-testid="import-result-organizations">
            {t('transfer.import.organizationsCreated', {
              count: value.organizationsCreated ?? 0,
              n: count(value.organizationsCreated ?? 0),
            })}
          </Text>
        )}
        {value.linkedToOrganizations > 0 && (
          <Text size="sm">
            {t('transfer.import.linked', {
              count: value.linkedToOrganizations,
              n: count(value.linkedToOrganizations),
            })}
          </Text>
        )}
        {skipped > 0 && (
          <Text size="sm">
            {t('transfer.import.skippedDone', { count: skipped, n: count(skipped) })}
          </Text>
        )}
      </Stack>
    </Notice>
  );
}
