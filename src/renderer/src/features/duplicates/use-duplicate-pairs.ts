import { useMemo, useSyncExternalStore } from 'react';
import { findDuplicatePairs, type DuplicatePair } from '@core/dedupe';
import { useStoreQuery } from '@renderer/app/data/use-store-query';

/** Pairs dismissed with "Not a duplicate": forgotten when Tadamun closes. */
const dismissed = new Set<string>();
const listeners = new Set<() => void>();
let dismissedVersion = 0;

export const pairKey = (pair: Pick<DuplicatePair, 'a' | 'b'>) => [pair.a, pair.b].sort().join('+');

export function dismissPair(pair: DuplicatePair): void {
  dismissed.add(pairKey(pair));
  dismissedVersion += 1;
  for (const listener of listeners) listener();
}

function useDismissedVersion(): number {
  return useSyncExternalStore(
    (notify) => {
      listeners.add(notify);
      return () => listeners.delete(notify);
    },
    () => dismissedVersion,
  );
}

/** Likely duplicate pairs among all contacts, best first, without dismissed ones. */
export function useDuplicatePairs(): DuplicatePair[] {
  const pairs = useStoreQuery(['contacts', 'organizations'], (core) =>
    findDuplicatePairs(core.contacts.all(), {
      organizationNames: new Map(core.organizations.all().map((o) => [o.id, o.name])),
    }),
  );
  const version = useDismissedVersion();
  return useMemo(
    () => pairs.filter((pair) => !dismissed.has(pairKey(pair))),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for `dismissed`
    [pairs, version],
  );
}
