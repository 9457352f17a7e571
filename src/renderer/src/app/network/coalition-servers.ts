/**
 * The only places the app connects to: the servers of the workspace's coalitions. The header
 * badge and the privacy hints name them, so "no network connections" is never shown while a
 * coalition server is being reached.
 */
import type { Coalition } from '@core/domain/coalition';
import { useStoreQuery } from '@renderer/app/data/use-store-query';

/** The distinct origins (scheme, host, port) of the coalitions that replicate with a server. */
export function coalitionServerOrigins(coalitions: readonly Coalition[]): string[] {
  const origins = new Set<string>();
  for (const { transport } of coalitions) {
    if (transport.kind !== 'server') continue;
    try {
      origins.add(new URL(transport.url).origin);
    } catch {
      origins.add(transport.url);
    }
  }
  return [...origins].sort();
}

export function useCoalitionServers(): string[] {
  return useStoreQuery(['coalitions'], (core) =>
    coalitionServerOrigins(core.coalitions.listCoalitions()),
  );
}
