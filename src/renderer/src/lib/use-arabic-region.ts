import { useCallback, useContext, useEffect, useSyncExternalStore } from 'react';
import {
  DEFAULT_ARABIC_REGION,
  REGION_LOCALE,
  type ArabicRegion,
} from '@core/domain/arabic-region';
import { DataCoreContext } from '@renderer/app/data/data-core-context';
import { setArabicRegionLocale } from '@shared/i18n/languages';

/** The workspace's Arabic region; the default before a workspace is open (the lock screen). */
export function useArabicRegion(): ArabicRegion {
  const core = useContext(DataCoreContext);
  const subscribe = useCallback(
    (notify: () => void) =>
      core
        ? core.store.subscribe((event) => {
            if (event.tables.has('settings')) notify();
          })
        : () => undefined,
    [core],
  );
  return useSyncExternalStore(
    subscribe,
    () => core?.settings.get().arabicRegion ?? DEFAULT_ARABIC_REGION,
  );
}

/** Keeps the Arabic UI's formatting locale on the open workspace's region (its month names). */
export function useArabicRegionLocale(): void {
  setArabicRegionLocale(REGION_LOCALE[useArabicRegion()]);
  useEffect(() => () => setArabicRegionLocale(undefined), []);
}
