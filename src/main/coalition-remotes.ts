/**
 * Which replication requests main carries: only to the databases of the workspace's coalitions,
 * over TLS except on this machine, and only under the database's own path (plus the server's
 * root, which the engine reads once for an id). A page that is not ours, or a bug, gets nothing
 * else out of main: no other host, database, `_users`, `_config` or `_replicate`.
 */
import type { CoalitionRemote } from '@shared/ipc';

/** Plain `http:` is allowed only to this machine (a test server, an SSH tunnel). */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface AllowedRemote {
  origin: string;
  /** The database's path, e.g. `/couch/coalition-a` (the name URL-encoded as PouchDB does). */
  databasePath: string;
  /** The server's root, `/` or `/couch/`: only read (GET, HEAD). */
  rootPath: string;
}

export class RemotePolicyError extends Error {
  override name = 'RemotePolicyError';
}

/** Checks one remote as an invitation names it; throws RemotePolicyError saying what is wrong. */
export function allowedRemote({ url, database }: CoalitionRemote): AllowedRemote {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RemotePolicyError(`Not a URL: ${url}`);
  }
  const loopback = LOOPBACK_HOSTS.has(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback)) {
    throw new RemotePolicyError(
      `The server must use https: (plain http only on this machine): ${parsed.origin}`,
    );
  }
  if (parsed.username || parsed.password || parsed.search || parsed.hash) {
    throw new RemotePolicyError(
      `The server URL must not carry credentials, a query or a fragment: ${parsed.origin}`,
    );
  }
  const base = parsed.pathname.replace(/\/+$/, '');
  return {
    origin: parsed.origin,
    databasePath: `${base}/${encodeURIComponent(database)}`,
    rootPath: `${base}/`,
  };
}

export type RequestVerdict = { allowed: true } | { allowed: false; reason: string };

/** Whether `method url` is a request main may make for one of `remotes`. */
export function checkRequest(
  method: string,
  url: string,
  remotes: readonly AllowedRemote[],
): RequestVerdict {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { allowed: false, reason: 'not a URL' };
  }
  if (parsed.username || parsed.password) {
    return { allowed: false, reason: 'credentials belong in a header, not in the URL' };
  }
  const ofOrigin = remotes.filter((remote) => remote.origin === parsed.origin);
  if (ofOrigin.length === 0) {
    return { allowed: false, reason: `${parsed.origin} is not a coalition's server` };
  }
  // The path as sent: `new URL` has already resolved `.` and `..` segments (also encoded ones).
  const path = parsed.pathname;
  const reading = method === 'GET' || method === 'HEAD';
  for (const remote of ofOrigin) {
    if (path === remote.databasePath || path.startsWith(`${remote.databasePath}/`)) {
      return { allowed: true };
    }
    if (reading && path === remote.rootPath) return { allowed: true };
  }
  return { allowed: false, reason: `${path} is not under a coalition's database` };
}
