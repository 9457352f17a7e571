import { createContext, useContext } from 'react';
import type { DataCore } from '@core/db/data-core';

export const DataCoreContext = createContext<DataCore | null>(null);

/** The open workspace; only inside <DataCoreProvider>, which renders nothing until it is open. */
export function useDataCore(): DataCore {
  const core = useContext(DataCoreContext);
  if (!core) throw new Error('useDataCore outside <DataCoreProvider>');
  return core;
}
