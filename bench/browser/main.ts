/** The bench page's entry: puts every scenario's page-side functions on window.tadamunBench. */
import type { TadamunBench } from './api';
import { campaignWorkspaceBench } from './campaign-workspace';
import { coalitionBench } from './coalition';
import { contactsBench } from './contacts';
import { lettersBench } from './letters';
import { searchBench } from './search';
import { storageBench } from './storage';

const bench: TadamunBench = {
  campaignWorkspace: campaignWorkspaceBench,
  coalition: coalitionBench,
  contacts: contactsBench,
  letters: lettersBench,
  search: searchBench,
  storage: storageBench,
};
window.tadamunBench = bench;
document.documentElement.dataset['benchReady'] = 'true';
