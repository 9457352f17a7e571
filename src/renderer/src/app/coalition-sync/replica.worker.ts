/**
 * The replica worker: PouchDB (IndexedDB) with the coalitions' replicas of sealed documents.
 * It reaches no server itself: every request goes to the page as a message, and from the page
 * to main (docs/coalition.md, "Where replication will run, and why").
 */
import PouchDB from 'pouchdb-core';
import IdbAdapter from 'pouchdb-adapter-idb';
import HttpAdapter from 'pouchdb-adapter-http';
import Replication from 'pouchdb-replication';
import type { ReplicaCommand, ReplicaEvent } from './messages';
import { replicaHub } from './replica-hub';

const Pouch = PouchDB.plugin(IdbAdapter).plugin(HttpAdapter).plugin(Replication);

const post = (event: ReplicaEvent) => self.postMessage(event);
const hub = replicaHub({ Pouch, local: { adapter: 'idb' }, post });

self.onmessage = (event: MessageEvent<ReplicaCommand>) => {
  void hub.receive(event.data);
};
post({ type: 'ready' });
