/** The bench page's entry: puts every scenario's page-side functions on window.tadamunBench. */
import type { TadamunBench } from './api';
import { searchBench } from './search';

const bench: TadamunBench = { search: searchBench };
window.tadamunBench = bench;
document.documentElement.dataset['benchReady'] = 'true';
