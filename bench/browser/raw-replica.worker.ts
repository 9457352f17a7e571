/**
 * The coalition bench's raw baseline in Chromium: PouchDB over IndexedDB in a worker, as the
 * app's replica worker is built (same adapters, same batch size), replicating the unencrypted
 * records both ways once. Its requests go to the page and from there to the same host as the
 * app's (main's fetcher, played by the harness): only the sealing, opening and the workspace
 * differ from the app's receive.
 */
import PouchDB from 'pouchdb-core';
import IdbAdapter from 'pouchdb-adapter-idb';
import HttpAdapter from 'pouchdb-adapter-http';
import Replication from 'pouchdb-replication';
import type { CoalitionFetchOutcome, CoalitionFetchRequest } from '@shared/ipc';
import { forwardingFetch } from '@renderer/app/coalition-sync/replica-fetch';
import { BATCH_SIZE } from '@renderer/app/coalition-sync/replica';

const Pouch = PouchDB.plugin(IdbAdapter).plugin(HttpAdapter).plugin(Replication);

export type RawReplicaCommand =
  | { type: 'replicate'; url: string; username: string; password: string }
  | { type: 'answer'; id: number; outcome: CoalitionFetchOutcome };

export type RawReplicaEvent =
  | { type: 'fetch'; id: number; request: CoalitionFetchRequest }
  | { type: 'done'; ms: number; docCount: number }
  | { type: 'failed'; message: string };

const post = (event: RawReplicaEvent) => self.postMessage(event);
const waiting = new Map<number, (outcome: CoalitionFetchOutcome) => void>();
let nextId = 0;
const send = (request: CoalitionFetchRequest) =>
  new Promise<CoalitionFetchOutcome>((resolve) => {
    const id = ++nextId;
    waiting.set(id, resolve);
    post({ type: 'fetch', id, request });
  });

async function replicate(url: string, username: string, password: string): Promise<void> {
  const local = new Pouch(`bench-raw-${Date.now()}`, { adapter: 'idb' });
  const remote = new Pouch(url, {
    adapter: 'http',
    fetch: forwardingFetch(send),
    auth: { username, password },
  });
  const start = performance.now();
  await Pouch.sync(local, remote, { batch_size: BATCH_SIZE });
  const ms = performance.now() - start;
  const { doc_count: docCount } = await local.info();
  await local.destroy();
  post({ type: 'done', ms, docCount });
}

self.onmessage = (event: MessageEvent<RawReplicaCommand>) => {
  const command = event.data;
  if (command.type === 'answer') {
    waiting.get(command.id)?.(command.outcome);
    waiting.delete(command.id);
    return;
  }
  replicate(command.url, command.username, command.password).catch((error: unknown) =>
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
};
