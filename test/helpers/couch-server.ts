/**
 * A CouchDB-compatible server for tests: express-pouchdb over in-memory PouchDB on 127.0.0.1
 * (a free port). `stop` closes it, `restart` starts it again on the same port with the same
 * databases (a server that went away mid-sync and came back).
 */
import { createRequire } from 'node:module';
import type { AddressInfo, Server, Socket } from 'node:net';
import type { RequestHandler } from 'express';
import type Express from 'express';
import type { PouchConstructor, ReplicaDatabase } from '@core/coalition/sync/replica-database';

const require = createRequire(import.meta.url);

/** PouchDB for Node tests: memory and HTTP adapters, replication. */
export const TestPouch = require('pouchdb-core')
  .plugin(require('pouchdb-adapter-memory'))
  .plugin(require('pouchdb-adapter-http'))
  .plugin(require('pouchdb-replication'))
  .plugin(require('pouchdb-mapreduce')) as PouchConstructor & {
  defaults(options: Record<string, unknown>): PouchConstructor;
};

let memoryNames = 0;
/** A laptop's replica: an in-memory database of its own. */
export function memoryReplica(label = 'replica'): ReplicaDatabase {
  return new TestPouch(`${label}-${++memoryNames}-${Date.now()}`, { adapter: 'memory' });
}

export interface CouchServer {
  /** http://127.0.0.1:<port> */
  url: string;
  databaseUrl(name: string): string;
  /** Creates a database, as the operator does for each coalition (clients never create one). */
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
  restart(): Promise<void>;
}

export async function startCouchServer(): Promise<CouchServer> {
  const express = require('express') as typeof Express;
  const expressPouch = require('express-pouchdb') as (
    pouch: unknown,
    options: Record<string, unknown>,
  ) => RequestHandler;
  // Each server gets its own memory namespace, shared across restarts.
  const prefix = `server-${Date.now()}-${Math.random().toString(36).slice(2)}-`;
  const ServerPouch = TestPouch.defaults({ adapter: 'memory', prefix });
  const app = express();
  app.use('/', expressPouch(ServerPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true }));
  let server: Server | undefined;
  const sockets = new Set<Socket>();
  const listen = (port: number) =>
    new Promise<Server>((resolve, reject) => {
      const started = app.listen(port, '127.0.0.1');
      started.once('listening', () => resolve(started));
      started.once('error', reject);
      started.on('connection', (socket: Socket) => {
        sockets.add(socket);
        socket.once('close', () => sockets.delete(socket));
      });
    });
  server = await listen(0);
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    databaseUrl: (name) => `${url}/${name}`,
    async createDatabase(name) {
      const response = await fetch(`${url}/${name}`, { method: 'PUT' });
      if (!response.ok) throw new Error(`Creating ${name}: ${response.status}`);
    },
    async stop() {
      const closing = server;
      server = undefined;
      if (!closing) return;
      // Live replication keeps long-poll connections open: end them, or close never returns.
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
    async restart() {
      if (!server) server = await listen(port);
    },
  };
}
