import { RouterProvider } from 'react-router';
import type { DataCore } from '@core/db/data-core';
import { useArabicRegionLocale } from '@renderer/lib/use-arabic-region';
import { CoalitionSyncContext, useCoalitionSync } from '../coalition-sync/use-coalition-sync';
import { DataCoreContext } from '../data/data-core-context';
import { router } from '../router';
import { useAutoLockMinutes } from './auto-lock';
import { useSession } from './session-context';
import { useIdleLock } from './use-idle-lock';

/** Everything that shows data; mounted only while the workspace is open. */
export function UnlockedApp({ core }: { core: DataCore }) {
  const { lock } = useSession();
  useIdleLock(useAutoLockMinutes(), lock);
  const coalitionSync = useCoalitionSync(core);
  return (
    <DataCoreContext.Provider value={core}>
      <CoalitionSyncContext.Provider value={coalitionSync}>
        <RegionLocale />
        <RouterProvider router={router} />
      </CoalitionSyncContext.Provider>
    </DataCoreContext.Provider>
  );
}

/** Inside the core's context, before the screens: they format dates in the region's locale. */
function RegionLocale() {
  useArabicRegionLocale();
  return null;
}
