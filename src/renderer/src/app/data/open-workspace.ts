import { openDataCore, type DataCore } from '@core/db/data-core';

let opening: Promise<DataCore> | undefined;

/** The renderer opens its workspace once; every caller shares the same data core. */
export function openWorkspace(): Promise<DataCore> {
  opening ??= openDataCore();
  opening.catch(() => {
    opening = undefined;
  });
  return opening;
}
