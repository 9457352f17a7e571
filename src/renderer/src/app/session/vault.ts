import { Vault } from '@core/vault';

/** The app's one encrypted workspace. */
export const vault = new Vault();
