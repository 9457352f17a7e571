/**
 * Replication while the workspace is open: every coalition with a server is kept in step
 * (restarted when its record changes), the workspace's edits are handed to the engine, and
 * each replica's state is stored with `recordSyncStatus` when it changes. Locking unmounts it:
 * the worker stops and main forgets the databases.
 */
import { createContext, useContext, useEffect, useMemo } from 'react';
import type { DataCore } from '@core/db/data-core';
import { appArgon2id } from '@renderer/app/session/argon2id';
import { refreshPacerOf } from '@renderer/app/data/refresh-pacer';
import { bridge } from '@renderer/lib/bridge';
import { coalitionSyncClient, type CoalitionSyncClient, type SyncedCoalition } from './sync-client';
import { statusChange } from './sync-status';
import { SHARED_TABLES, syncConfigOf, workspaceHost } from './workspace-host';

/** How soon after an edit the engine seals it (edits in a burst go together). */
const EDIT_DELAY_MS = 300;

export const CoalitionSyncContext = createContext<CoalitionSyncClient | null>(null);

export function useCoalitionSyncClient(): CoalitionSyncClient | null {
  return useContext(CoalitionSyncContext);
}

/** Server coalitions replicate live; files-only ones get a local replica (for bundles). */
function syncedCoalitions(core: DataCore): SyncedCoalition[] {
  return core.coalitions.listCoalitions().map((coalition) => {
    const { transport } = coalition;
    const base = { coalitionId: coalition.id, sync: syncConfigOf(coalition) };
    if (transport.kind !== 'server') return { ...base, live: false };
    const { url, database, username, password } = transport;
    return { ...base, remote: { url, database, username, password }, live: true };
  });
}

export function useCoalitionSync(core: DataCore): CoalitionSyncClient {
  // The client starts its worker only when a coalition is listed or joined.
  const host = useMemo(() => workspaceHost(core), [core]);
  const sync = useMemo(() => coalitionSyncClient(bridge, host, appArgon2id), [host]);
  useEffect(() => {
    let closed = false;
    let editTimer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      if (closed) return;
      sync.setCoalitions(syncedCoalitions(core)).catch(() => undefined);
    };
    const unsubscribe = core.store.subscribe((event) => {
      if (event.tables.has('coalitions')) refresh();
      // What the engine applies is in the replica already: not an edit to seal again.
      if (!host.applying() && SHARED_TABLES.some((table) => event.tables.has(table))) {
        clearTimeout(editTimer);
        editTimer = setTimeout(() => sync.localEdit(), EDIT_DELAY_MS);
      }
    });
    const pacer = refreshPacerOf(core);
    const stopStatus = sync.onStatus((status) => {
      // Screens show the batches received at a pace while it receives, all of them once done.
      pacer.setReceiving(status.coalitionId, status.state === 'syncing');
      const coalition = core.coalitions.get(status.coalitionId);
      if (!coalition || closed) return;
      const change = statusChange(coalition.status, status, new Date());
      if (change)
        core.coalitions.recordSyncStatus(status.coalitionId, change).catch(() => undefined);
    });
    refresh();
    return () => {
      closed = true;
      clearTimeout(editTimer);
      unsubscribe();
      stopStatus();
      pacer.endAll();
      void sync.close();
    };
  }, [core, host, sync]);
  return sync;
}
