import { Vault } from '@core/vault';
import { bridge } from '@renderer/lib/bridge';
import { bridgeKeyFileStore } from './key-file-store';
import { workerUnsealer } from './unsealer/unseal-worker-client';

/** The app's one encrypted workspace; unlocking decrypts in a worker. */
export const vault = new Vault({ unsealer: workerUnsealer, keyFile: bridgeKeyFileStore(bridge) });
