import { useCallback, useContext, useSyncExternalStore } from 'react';
import {
  DEFAULT_ARABIC_REGION,
  REGION_LOCALE,
  type ArabicRegion,
} from '@core/domain/arabic-region';
import { DataCoreContext } from '@renderer/app/data/data-core-context';

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

/** The Intl locale of the app's dates: in Arabic, the region's (its month names and digits). */
export function dateLocale(language: string, region: ArabicRegion): string {
  return language.split('-')[0] === 'ar' ? REGION_LOCALE[region] : language;
}
