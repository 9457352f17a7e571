/**
 * The worker's side of the protocol (messages.ts): the replicas of the workspace's coalitions,
 * started and stopped by the page, and the requests waiting for the page's (main's) answer.
 */
import type PouchDB from 'pouchdb-core';
import type { CoalitionFetchOutcome, CoalitionFetchRequest } from '@shared/ipc';
import type { ReplicaCommand, ReplicaEvent, WorkspaceAnswer, WorkspaceRequest } from './messages';
import { Replica } from './replica';
import { syncEngine, workspaceProxy } from './replica-engine';

export interface ReplicaHubOptions {
  Pouch: PouchDB.Static;
  local: { adapter: string; prefix?: string };
  post: (event: ReplicaEvent) => void;
}

export function replicaHub({ Pouch, local, post }: ReplicaHubOptions) {
  const replicas = new Map<string, Replica>();
  const waiting = new Map<number, (outcome: CoalitionFetchOutcome) => void>();
  const asked = new Map<number, (answer: WorkspaceAnswer) => void>();
  let nextId = 0;

  const askWorkspace = (coalitionId: string) => (request: WorkspaceRequest) =>
    new Promise<WorkspaceAnswer>((resolve) => {
      const id = nextId++;
      asked.set(id, resolve);
      post({ type: 'workspace', id, coalitionId, request });
    });

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
      case 'workspace-result': {
        const resolve = asked.get(command.id);
        asked.delete(command.id);
        resolve?.(command.answer);
        return;
      }
      case 'start': {
        await stop(command.coalitionId);
        const { coalitionId, sync } = command;
        const engine = sync
          ? syncEngine(coalitionId, sync, workspaceProxy(askWorkspace(coalitionId)))
          : undefined;
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
      case 'local-edit':
        await replicas.get(command.coalitionId)?.localEdit();
        return;
      case 'stop':
        await stop(command.coalitionId);
        return;
    }
  }

  return { receive, replicas };
}
