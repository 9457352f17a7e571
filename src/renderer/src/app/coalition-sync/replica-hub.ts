/**
 * The worker's side of the protocol (messages.ts): the replicas of the workspace's coalitions,
 * started and stopped by the page, and the requests waiting for the page's (main's) answer.
 */
import type PouchDB from 'pouchdb-core';
import type { CoalitionFetchOutcome, CoalitionFetchRequest } from '@shared/ipc';
import type { ReplicaCommand, ReplicaEvent } from './messages';
import { Replica, type ReplicaEngine } from './replica';

export interface ReplicaHubOptions {
  Pouch: PouchDB.Static;
  local: { adapter: string; prefix?: string };
  post: (event: ReplicaEvent) => void;
  /** TODO(i20-sync): the engine per coalition; none yet (see ReplicaEngine). */
  engineFor?: (coalitionId: string) => ReplicaEngine | undefined;
}

export function replicaHub({ Pouch, local, post, engineFor }: ReplicaHubOptions) {
  const replicas = new Map<string, Replica>();
  const waiting = new Map<number, (outcome: CoalitionFetchOutcome) => void>();
  let nextId = 0;

  const send = (request: CoalitionFetchRequest) =>
    new Promise<CoalitionFetchOutcome>((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      post({ type: 'fetch', id, request });
    });

  async function stop(coalitionId: string): Promise<void> {
    const replica = replicas.get(coalitionId);
    replicas.delete(coalitionId);
    await replica?.stop();
  }

  /** Handles one command; resolves when it has been carried out (for tests). */
  async function receive(command: ReplicaCommand): Promise<void> {
    switch (command.type) {
      case 'fetch-result': {
        const resolve = waiting.get(command.id);
        waiting.delete(command.id);
        resolve?.(command.outcome);
        return;
      }
      case 'start': {
        await stop(command.coalitionId);
        const engine = engineFor?.(command.coalitionId);
        const replica = new Replica({
          Pouch,
          local,
          coalitionId: command.coalitionId,
          remote: command.remote,
          send,
          report: (status) => post({ type: 'status', status }),
          ...(engine ? { engine } : {}),
        });
        replicas.set(command.coalitionId, replica);
        replica.live = command.live;
        await replica.start(command.live);
        return;
      }
      case 'sync-now': {
        const replica = replicas.get(command.coalitionId);
        await replica?.start(replica.live);
        return;
      }
      case 'stop':
        await stop(command.coalitionId);
        return;
    }
  }

  return { receive, replicas };
}
