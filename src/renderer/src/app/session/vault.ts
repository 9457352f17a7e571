import { Vault } from '@core/vault';
import { workerUnsealer } from './unsealer/unseal-worker-client';

/** The app's one encrypted workspace; unlocking decrypts in a worker. */
export const vault = new Vault({ unsealer: workerUnsealer });
