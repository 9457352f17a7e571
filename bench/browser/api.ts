/**
 * What the bench page exposes to scenarios: one group of async functions per scenario, called
 * from Node with `page.evaluate(() => window.tadamunBench.<group>.<function>(...))`. To add a
 * scenario's page-side code, write a module beside search.ts and list it here and in main.ts.
 */
import type { campaignWorkspaceBench } from './campaign-workspace';
import type { coalitionBench } from './coalition';
import type { contactsBench } from './contacts';
import type { lettersBench } from './letters';
import type { searchBench } from './search';
import type { storageBench } from './storage';

export interface TadamunBench {
  campaignWorkspace: typeof campaignWorkspaceBench;
  coalition: typeof coalitionBench;
  contacts: typeof contactsBench;
  letters: typeof lettersBench;
  search: typeof searchBench;
  storage: typeof storageBench;
}

declare global {
  interface Window {
    tadamunBench?: TadamunBench;
  }
}
