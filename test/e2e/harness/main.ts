/**
 * A test-only page that puts the platform-neutral core on `window.tadamunCore`, so e2e tests
 * can drive it in Chromium's real IndexedDB, and the coalition replica worker on
 * `window.tadamunCoalitionSync`, its requests through the harness's host (as the browser
 * build's adapter sends them). Served beside the app on the same origin, it shares the app's
 * databases. Never part of the app bundle.
 */
import * as core from '@core/index';
import type { ReplicaStatus } from '@renderer/app/coalition-sync/messages';
import {
  coalitionSyncClient,
  type SyncedCoalition,
} from '@renderer/app/coalition-sync/sync-client';
import { browserCoalitionFetch } from '@renderer/lib/coalition-fetch-host';

const statuses: ReplicaStatus[] = [];
const client = coalitionSyncClient(browserCoalitionFetch(window.tadamunCoalitionHost));
client.onStatus((status) => statuses.push(status));
const coalitionSync = {
  statuses,
  setCoalitions: (coalitions: SyncedCoalition[]) => client.setCoalitions(coalitions),
  syncNow: (coalitionId: string) => client.syncNow(coalitionId),
  close: () => client.close(),
};

declare global {
  interface Window {
    tadamunCore?: typeof core;
    tadamunCoalitionSync?: typeof coalitionSync;
  }
}

window.tadamunCore = core;
window.tadamunCoalitionSync = coalitionSync;
document.documentElement.dataset['ready'] = 'true';
