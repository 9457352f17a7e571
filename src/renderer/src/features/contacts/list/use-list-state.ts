import { useCallback, useEffect, useState } from 'react';
import type { DataCore } from '@core/db/data-core';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { NO_FILTERS, type ContactFilters } from '@renderer/lib/contact-filters';
import type { SortSpec } from './contact-columns';

export interface ListState {
  query: string;
  filters: ContactFilters;
  /** null: by name, or by relevance while searching. */
  sort: SortSpec | null;
}

const INITIAL: ListState = { query: '', filters: NO_FILTERS, sort: null };

/**
 * Kept per open workspace, so coming back from a contact's page finds the list as it was;
 * a lock closes the data core, and with it goes what was typed here.
 */
const saved = new WeakMap<DataCore, ListState>();

export function useListState(): [ListState, (patch: Partial<ListState>) => void] {
  const core = useDataCore();
  const [state, setState] = useState<ListState>(() => saved.get(core) ?? INITIAL);
  useEffect(() => {
    saved.set(core, state);
  }, [core, state]);
  // Stable, so the memoized parts of the page are not redrawn on each keystroke.
  const update = useCallback(
    (patch: Partial<ListState>) => setState((current) => ({ ...current, ...patch })),
    [],
  );
  return [state, update];
}
