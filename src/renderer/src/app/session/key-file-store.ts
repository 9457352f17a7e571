import type { KeyFileStore } from '@core/vault';
import type { TadamunApi } from '@shared/ipc';
import { unwrap } from '@renderer/lib/reason-of';

/** The key file through the bridge: main's file in the desktop app, local storage in a browser. */
export function bridgeKeyFileStore(bridge: TadamunApi): KeyFileStore {
  return {
    read: async () => unwrap(await bridge.readKeyFile()),
    write: async (bytes) => {
      unwrap(await bridge.writeKeyFile(bytes));
    },
    erase: async () => {
      unwrap(await bridge.eraseKeyFile());
    },
  };
}
