/**
 * The part of a PouchDB database the sync engine uses, typed here so the core needs no PouchDB
 * import: the app passes an idb database from its worker, tests a memory one, and the remote is
 * PouchDB's HTTP adapter (its `fetch` can be the main process's, see `remoteDatabase`).
 */

export interface StoredDocument {
  _id: string;
  _rev: string;
  _deleted?: boolean;
  _conflicts?: string[];
  [field: string]: unknown;
}

export interface ChangeRow {
  id: string;
  seq: number | string;
  /** The winning revision first. */
  changes?: { rev: string }[];
  deleted?: boolean;
  doc?: StoredDocument;
}

export interface BulkResult {
  ok?: boolean;
  id?: string;
  rev?: string;
  error?: string | boolean;
  reason?: string;
}

/** What `sync` and `replicate` return: a promise (one-shot) and an event emitter (live). */
export interface ReplicationHandle extends PromiseLike<unknown> {
  /** The revisions a batch wrote: `change.docs` in `sync`'s events, `docs` in `replicate`'s. */
  on(
    event: 'change',
    listener: (info: {
      direction?: 'push' | 'pull';
      change?: { docs?: StoredDocument[] };
      docs?: StoredDocument[];
    }) => void,
  ): this;
  on(event: 'paused' | 'active' | 'complete', listener: (info?: unknown) => void): this;
  on(event: 'error' | 'denied', listener: (error: unknown) => void): this;
  cancel(): void;
  /**
   * `sync`'s pull half. It emits `checkpoint` with `{checkpoint}` once a batch's checkpoint is
   * written, just before it asks the server for the next batch (and with other keys besides).
   */
  pull?: { on(event: 'checkpoint', listener: (info: { checkpoint?: unknown }) => void): unknown };
}

export interface ReplicationOptions {
  live?: boolean;
  retry?: boolean;
  batch_size?: number;
  batches_limit?: number;
  back_off_function?: (delay: number) => number;
}

export interface ReplicaDatabase {
  readonly name: string;
  get(
    id: string,
    options?: { conflicts?: boolean; rev?: string; revs?: boolean; open_revs?: 'all' },
  ): Promise<StoredDocument>;
  put(
    document: { _id: string; [field: string]: unknown } | { _id: string },
  ): Promise<{ ok: boolean; id: string; rev: string }>;
  bulkDocs(documents: readonly object[], options?: { new_edits?: boolean }): Promise<BulkResult[]>;
  allDocs(options: {
    keys?: string[];
    include_docs?: boolean;
    conflicts?: boolean;
    startkey?: string;
    endkey?: string;
  }): Promise<{
    rows: {
      id: string;
      key: string;
      value?: { rev: string; deleted?: boolean };
      doc?: StoredDocument | null;
      error?: string;
    }[];
  }>;
  changes(options: {
    since?: number | string;
    include_docs?: boolean;
    conflicts?: boolean;
    limit?: number;
  }): Promise<{ results: ChangeRow[]; last_seq: number | string }>;
  info(): Promise<{ update_seq: number | string; doc_count: number }>;
  sync(remote: ReplicaDatabase, options?: ReplicationOptions): ReplicationHandle;
  replicate: {
    to(remote: ReplicaDatabase, options?: ReplicationOptions): ReplicationHandle;
    from(remote: ReplicaDatabase, options?: ReplicationOptions): ReplicationHandle;
  };
  destroy(): Promise<unknown>;
  close(): Promise<unknown>;
}

export type FetchFunction = (url: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** The PouchDB constructor with the HTTP adapter plugged in. */
export type PouchConstructor = new (
  name: string,
  options?: Record<string, unknown>,
) => ReplicaDatabase;

export interface RemoteOptions {
  /** The server's URL, e.g. https://couch.example.org (from the invitation). */
  url: string;
  database: string;
  username?: string;
  password?: string;
  /** How requests are made: the app passes its main-process bridge. */
  fetch?: FetchFunction;
}

/** The coalition's database on its server, reached through `fetch` (never created from here). */
export function remoteDatabase(Pouch: PouchConstructor, options: RemoteOptions): ReplicaDatabase {
  const base = options.url.endsWith('/') ? options.url : `${options.url}/`;
  return new Pouch(base + encodeURIComponent(options.database), {
    skip_setup: true,
    ...(options.username !== undefined && {
      auth: { username: options.username, password: options.password ?? '' },
    }),
    ...(options.fetch && { fetch: options.fetch }),
  });
}
