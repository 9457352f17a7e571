import type { TadamunApi } from '@shared/ipc';

declare global {
  /** Set by Vite from package.json. */
  const __APP_VERSION__: string;
  interface Window {
    /** Present only in Electron, from the preload bridge. Use lib/bridge.ts, not this. */
    readonly tadamun?: TadamunApi;
  }
}
