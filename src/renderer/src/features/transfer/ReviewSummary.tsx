/**
 * The review's count, which always adds up: rows = to import + already in Tadamun + with
 * problems. A file whose every contact is already stored says so.
 */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '@renderer/lib/format-number';
import { Notice } from '@renderer/ui/Notice';
import type { KnownChoice } from './ImportReviewStep';
import type { WorkerCheck } from './worker/messages';

export function ReviewSummary({
  check,
  known,
  choice,
}: {
  check: Pick<WorkerCheck, 'rowCount' | 'validCount' | 'invalidCount'>;
  known: number;
  choice: KnownChoice;
}) {
  const { t, i18n } = useTranslation();
  const count = (value: number) => formatNumber(value, i18n.language);
  const fresh = check.validCount - known;
  const allKnown = check.validCount > 0 && known === check.validCount;
  return (
    <>
      {allKnown && (
        <Notice tone="warning" data-testid="import-all-known">
          {t('transfer.import.allKnown', { count: known, n: count(known) })}
        </Notice>
      )}
      <Text
        size="sm"
        data-testid="import-summary"
        data-rows={check.rowCount}
        data-new={fresh}
        data-known={known}
        data-problems={check.invalidCount}
      >
        {[
          t('transfer.import.summary.rows', { count: check.rowCount, n: count(check.rowCount) }),
          t('transfer.import.summary.new', { count: fresh, n: count(fresh) }),
          known > 0 &&
            t(`transfer.import.summary.known.${choice}`, { count: known, n: count(known) }),
          check.invalidCount > 0 &&
            t('transfer.import.summary.problems', {
              count: check.invalidCount,
              n: count(check.invalidCount),
            }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </>
  );
}
