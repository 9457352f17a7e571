/** Which valid rows of a preview look like contacts already stored (by index in `valid`). */
import { useMemo } from 'react';
import { findMatchesFor, type DuplicateReason } from '@core/dedupe';
import { contactName } from '@core/domain/contact';
import type { ImportPreview } from '@core/transfer';
import { useStoreQuery } from '@renderer/app/data/use-store-query';

export interface LikelyDuplicate {
  name: string;
  reasons: DuplicateReason[];
}

export function useLikelyDuplicates(preview: ImportPreview): Map<number, LikelyDuplicate> {
  const existing = useStoreQuery(['contacts', 'organizations'], (core) => ({
    contacts: core.contacts.all(),
    organizationNames: new Map(core.organizations.all().map((o) => [o.id, o.name])),
  }));
  return useMemo(() => {
    const byIndex = new Map<number, LikelyDuplicate>();
    if (existing.contacts.length === 0) return byIndex;
    const names = new Map(existing.contacts.map((c) => [c.id, contactName(c)]));
    const matches = findMatchesFor(preview.valid, existing.contacts, {
      organizationNames: existing.organizationNames,
    });
    for (const match of matches) {
      byIndex.set(match.incomingIndex, {
        name: names.get(match.contactId) ?? '',
        reasons: match.reasons,
      });
    }
    return byIndex;
  }, [existing, preview]);
}
