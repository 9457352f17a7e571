import { createContext, useContext } from 'react';
import type { DataCore } from '@core/db/data-core';

export const DataCoreContext = createContext<DataCore | null>(null);

/** The unlocked workspace; only inside the screens <VaultGate> mounts once it is open. */
export function useDataCore(): DataCore {
  const core = useContext(DataCoreContext);
  if (!core) throw new Error('useDataCore outside the unlocked workspace');
  return core;
}
