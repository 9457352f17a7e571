/**
 * A CouchDB-compatible server for tests (issue 20, item 8): express-pouchdb over in-memory
 * PouchDB on 127.0.0.1, on a free port. `restart` stops it (connections cut, as a server going
 * down mid-sync) and starts it again on the same port with the same databases.
 */
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import express from 'express';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb-core';
import HttpAdapter from 'pouchdb-adapter-http';
import MemoryAdapter from 'pouchdb-adapter-memory';
import Replication from 'pouchdb-replication';
import MapReduce from 'pouchdb-mapreduce';
import type { PouchConstructor, ReplicaDatabase } from '@core/coalition/sync/replica-database';

export interface CouchServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash); databases are `${url}/<name>`. */
  url: string;
  databaseUrl(name: string): string;
  /** Creates a database, as the operator does for each coalition (clients never create one). */
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
  restart(): Promise<void>;
}

let servers = 0;
let plugged: PouchDB.Static | undefined;

/**
 * PouchDB with the memory, HTTP and replication plugins, for tests' own replicas. Plugins
 * install on the one shared constructor, and only once ("Cannot redefine property: replicate"):
 * every test takes it from here.
 */
export function testPouch(): PouchDB.Static & PouchConstructor {
  plugged ??= PouchDB.plugin(HttpAdapter)
    .plugin(MemoryAdapter)
    .plugin(Replication)
    .plugin(MapReduce);
  return plugged as PouchDB.Static & PouchConstructor;
}

let memoryNames = 0;
/** A laptop's replica: an in-memory database of its own. */
export function memoryReplica(label = 'replica'): ReplicaDatabase {
  const Pouch = testPouch();
  return new Pouch(`${label}-${++memoryNames}-${Date.now()}`, {
    adapter: 'memory',
  }) as unknown as ReplicaDatabase;
}

function listen(server: ReturnType<typeof createHttpServer>, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** On a free port unless `port` is given (README: trying sharing on one machine). */
export async function startCouchServer({ port: wanted = 0 } = {}): Promise<CouchServer> {
  // Each server its own databases, though the memory adapter shares one process-wide store.
  const prefix = `couch-server-${process.pid}-${servers++}-`;
  const Pouch = testPouch().defaults({ adapter: 'memory', prefix });
  const app = express();
  app.use('/', expressPouchDB(Pouch, { mode: 'minimumForPouchDB', inMemoryConfig: true }));

  let http = createHttpServer(app);
  const sockets = new Set<Socket>();
  const track = (server: typeof http) =>
    server.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
  track(http);
  const port = await listen(http, wanted);
  const url = `http://127.0.0.1:${port}`;

  const stop = () =>
    new Promise<void>((resolve) => {
      if (!http.listening) return resolve();
      http.close(() => resolve());
      // Long polls would keep it open: cut every connection, as a server going down does.
      for (const socket of sockets) socket.destroy();
    });

  return {
    url,
    databaseUrl: (name) => `${url}/${name}`,
    async createDatabase(name) {
      const response = await fetch(`${url}/${name}`, { method: 'PUT' });
      if (!response.ok) throw new Error(`Creating ${name}: ${response.status}`);
    },
    stop,
    restart: async () => {
      await stop();
      http = createHttpServer(app);
      track(http);
      await listen(http, port);
    },
  };
}
