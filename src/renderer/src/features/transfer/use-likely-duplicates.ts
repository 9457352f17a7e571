/** Which valid rows of a check look like contacts already stored (by index in `valid`). */
import { useMemo } from 'react';
import type { DuplicateReason } from '@core/dedupe';
import { contactName } from '@core/domain/contact';
import type { ImportCheck } from '@core/transfer';
import { useDataCore } from '@renderer/app/data/data-core-context';

export interface LikelyDuplicate {
  /** The stored contact the row looks like. */
  contactId: string;
  name: string;
  reasons: DuplicateReason[];
}

export function useLikelyDuplicates(
  check: Pick<ImportCheck, 'duplicates'>,
): Map<number, LikelyDuplicate> {
  const core = useDataCore();
  return useMemo(() => {
    const byIndex = new Map<number, LikelyDuplicate>();
    for (const match of check.duplicates) {
      const stored = core.contacts.get(match.contactId);
      byIndex.set(match.incomingIndex, {
        contactId: match.contactId,
        name: stored ? contactName(stored) : '',
        reasons: match.reasons,
      });
    }
    return byIndex;
  }, [core, check]);
}
