import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { DuplicatePair } from '@core/dedupe';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { useStoreVersion } from '@renderer/app/data/use-store-query';
import { scanDuplicates } from './worker/duplicates-worker-client';

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

/**
 * Likely duplicate pairs among all contacts, best first, without dismissed ones; null until
 * the first scan (in a worker) is done. After a change the previous pairs stay shown, less
 * those whose contacts are gone, until the new scan is done.
 */
export function useDuplicatePairs(): DuplicatePair[] | null {
  const core = useDataCore();
  const version = useStoreVersion(['contacts', 'organizations']);
  const [scanned, setScanned] = useState<DuplicatePair[] | null>(null);
  useEffect(() => {
    const scan = scanDuplicates(
      core.contacts.all(),
      new Map(core.organizations.all().map((o) => [o.id, o.name])),
    );
    scan.pairs.then(setScanned).catch(() => setScanned([]));
    return scan.cancel;
  }, [core, version]);
  const dismissedNow = useDismissedVersion();
  return useMemo(
    () =>
      scanned?.filter(
        (pair) =>
          !dismissed.has(pairKey(pair)) &&
          core.contacts.get(pair.a) !== undefined &&
          core.contacts.get(pair.b) !== undefined,
      ) ?? null,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the versions stand for `dismissed` and the records
    [scanned, dismissedNow, version, core],
  );
}
