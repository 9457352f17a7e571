import { useCallback, useEffect, useMemo, useState } from 'react';
import type { EntityTable } from '@core/domain/entities';
import type { DataCore } from '@core/db/data-core';
import { useDataCore } from './data-core-context';
import { refreshPacerOf } from './refresh-pacer';

/**
 * A token that changes whenever one of `tables` changes: put it in the dependencies of a
 * useMemo that reads those tables. The store commits to IndexedDB before it updates memory,
 * so what a component shows is stored. A coalition's batches arriving are followed at the
 * pace of `RefreshPacer`, in transitions: state, not `useSyncExternalStore`, whose updates
 * React always renders in one go.
 */
export function useStoreVersion(tables: readonly EntityTable[]): string {
  const core = useDataCore();
  const tableKey = tables.join();
  const read = useCallback(
    () => tables.map((table) => core.store.version(table)).join(),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- tableKey stands for tables
    [core, tableKey],
  );
  const [shown, setShown] = useState(() => ({ read, version: read() }));
  useEffect(() => {
    const pacer = refreshPacerOf(core);
    const show = () => {
      const version = read();
      setShown((before) =>
        before.read === read && before.version === version ? before : { read, version },
      );
    };
    const unsubscribe = core.store.subscribe((event) => {
      if (tables.some((table) => event.tables.has(table))) pacer.changed(event, show);
    });
    // A change between the render and this subscription.
    show();
    return () => {
      unsubscribe();
      pacer.forget(show);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- read stands for core and tables
  }, [read]);
  // Another store or other tables: their version now, until the effect follows them.
  return shown.read === read ? shown.version : read();
}

/** A value computed from the records of `tables`, recomputed only when one of them changes. */
export function useStoreQuery<T>(
  tables: readonly EntityTable[],
  compute: (core: DataCore) => T,
): T {
  const core = useDataCore();
  const version = useStoreVersion(tables);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for the records
  return useMemo(() => compute(core), [core, version]);
}
