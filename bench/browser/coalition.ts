/**
 * The coalition bench's page side: raw PouchDB replication of the unencrypted records in a
 * worker (raw-replica.worker.ts), its requests through the harness's coalition host as the
 * app's are. Resolves with the replication's time measured in the worker.
 */
import { browserCoalitionFetch, type CoalitionFetchHost } from '@renderer/lib/coalition-fetch-host';
import type { RawReplicaCommand, RawReplicaEvent } from './raw-replica.worker';

export const coalitionBench = {
  async rawReceive(remote: {
    url: string;
    database: string;
    username: string;
    password: string;
  }): Promise<{ ms: number; docCount: number }> {
    const host = window.tadamunCoalitionHost as CoalitionFetchHost | undefined;
    if (!host) throw new Error('No coalition host: the bench exposes one first.');
    await host('set-origins', [{ url: remote.url, database: remote.database }]);
    const fetchThrough = browserCoalitionFetch(host);
    const worker = new Worker(new URL('./raw-replica.worker.ts', import.meta.url), {
      type: 'module',
    });
    const command = (message: RawReplicaCommand) => worker.postMessage(message);
    try {
      return await new Promise((resolve, reject) => {
        worker.onerror = (event) => reject(new Error(event.message));
        worker.onmessage = (event: MessageEvent<RawReplicaEvent>) => {
          const message = event.data;
          if (message.type === 'fetch') {
            // As the app's: a long body in parts (coalition-fetch-host.ts).
            void fetchThrough.coalitionFetch(message.request).then((result) =>
              command({
                type: 'answer',
                id: message.id,
                outcome: result.ok
                  ? result.value
                  : { kind: 'failure', problem: 'refused', message: result.error.message },
              }),
            );
          } else if (message.type === 'done') resolve(message);
          else reject(new Error(message.message));
        };
        command({
          type: 'replicate',
          url: `${remote.url.replace(/\/+$/, '')}/${encodeURIComponent(remote.database)}`,
          username: remote.username,
          password: remote.password,
        });
      });
    } finally {
      worker.terminate();
    }
  },
};
