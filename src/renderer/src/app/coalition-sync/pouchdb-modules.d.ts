/**
 * The part of PouchDB 9 the replica worker and the test server use (the packages ship no
 * types). Documents are the core's sealed documents: `_id`, `_rev` and sealed fields.
 */
declare module 'pouchdb-core' {
  namespace PouchDB {
    interface Doc {
      _id: string;
      _rev?: string;
      _deleted?: boolean;
      _conflicts?: string[];
      [field: string]: unknown;
    }
    interface DatabaseOptions {
      adapter?: string;
      prefix?: string;
      /** HTTP adapter: makes each request instead of the global fetch. */
      fetch?: (url: string | Request, init?: RequestInit) => Promise<Response>;
      auth?: { username: string; password: string };
      skip_setup?: boolean;
    }
    interface ReplicationResult {
      ok: boolean;
      docs_read: number;
      docs_written: number;
      doc_write_failures: number;
      errors: unknown[];
      last_seq?: number | string;
      end_time?: string;
    }
    interface SyncInfo {
      direction: 'push' | 'pull';
      change: ReplicationResult & { docs: Doc[]; pending?: number };
    }
    interface SyncHandler extends Promise<{ push?: ReplicationResult; pull?: ReplicationResult }> {
      on(event: 'change', listener: (info: SyncInfo) => void): SyncHandler;
      on(event: 'paused', listener: (error?: unknown) => void): SyncHandler;
      on(event: 'active', listener: () => void): SyncHandler;
      on(event: 'denied' | 'error', listener: (error: unknown) => void): SyncHandler;
      on(event: 'complete', listener: (info: unknown) => void): SyncHandler;
      cancel(): void;
      /** The pull half: `checkpoint` with `{checkpoint}` once a batch's checkpoint is written. */
      pull?: {
        on(event: 'checkpoint', listener: (info: { checkpoint?: unknown }) => void): unknown;
      };
    }
    interface SyncOptions {
      live?: boolean;
      retry?: boolean;
      heartbeat?: number | false;
      timeout?: number;
      batch_size?: number;
      back_off_function?: (delay: number) => number;
      /** Options of one direction only (`since`: where it starts instead of its checkpoint). */
      push?: { since?: number | string };
    }
    interface Database {
      readonly name: string;
      info(): Promise<{ doc_count: number; update_seq: number | string }>;
      get(id: string, options?: { conflicts?: boolean; rev?: string }): Promise<Doc>;
      bulkDocs(docs: Doc[]): Promise<unknown[]>;
      allDocs(options?: {
        include_docs?: boolean;
        conflicts?: boolean;
        keys?: string[];
      }): Promise<{ rows: { id: string; doc?: Doc }[] }>;
      changes(options: { since: 'now'; live: true }): {
        on(event: 'change' | 'error', listener: () => void): unknown;
        cancel(): void;
      };
      changes(options: {
        since?: number | string;
        include_docs?: boolean;
        conflicts?: boolean;
        limit?: number;
      }): Promise<{
        results: { id: string; seq: number | string; doc?: Doc }[];
        last_seq: number | string;
      }>;
      close(): Promise<void>;
      destroy(): Promise<void>;
    }
    interface Static {
      new (name: string, options?: DatabaseOptions): Database;
      plugin(plugin: unknown): Static;
      defaults(options: DatabaseOptions): Static;
      sync(local: Database, remote: Database, options?: SyncOptions): SyncHandler;
      /** One way, once (with the replication plugin). */
      replicate(
        source: Database,
        target: Database,
        options?: SyncOptions,
      ): Promise<ReplicationResult & { status?: string }>;
    }
  }
  const PouchDB: PouchDB.Static;
  export = PouchDB;
}

declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export = plugin;
}
declare module 'pouchdb-adapter-idb' {
  const plugin: unknown;
  export = plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export = plugin;
}
declare module 'pouchdb-mapreduce' {
  const plugin: unknown;
  export = plugin;
}
