import { Vault } from '@core/vault';
import { bridge } from '@renderer/lib/bridge';
import { appArgon2id } from './argon2id';
import { bridgeKeyFileStore } from './key-file-store';
import { workerUnsealer } from './unsealer/unseal-worker-client';

/** The app's one encrypted workspace; unlocking derives keys and decrypts off the page. */
export const vault = new Vault({
  unsealer: workerUnsealer,
  argon2id: appArgon2id,
  keyFile: bridgeKeyFileStore(bridge),
});
