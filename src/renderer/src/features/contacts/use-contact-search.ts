import { useMemo } from 'react';
import type { ContactHit } from '@core/search';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { useStoreVersion } from '@renderer/app/data/use-store-query';

const SEARCHED_TABLES = ['contacts', 'organizations'] as const;

/** Contacts matching `query` (Arabic-aware, typo-tolerant), best first; follows every write. */
export function useContactSearch(query: string, limit = 50): ContactHit[] {
  const core = useDataCore();
  const version = useStoreVersion(SEARCHED_TABLES);
  return useMemo(
    () => (query.trim() ? core.search.search(query, { limit }) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for the records
    [core, version, query, limit],
  );
}
