/**
 * The worker's side of the protocol (messages.ts): the replicas of the workspace's coalitions,
 * started and stopped by the page, and the requests waiting for the page's (main's) answer.
 */
import type PouchDB from 'pouchdb-core';
import { deriveCoalitionKeys } from '@core/coalition/coalition-key';
import { BundleError } from '@core/coalition/sync';
import type { Argon2idDeriver } from '@core/crypto/kdf';
import type { CoalitionFetchOutcome, CoalitionFetchRequest } from '@shared/ipc';
import { replicaDatabaseName } from '@renderer/lib/replica-databases';
import type {
  Argon2idAnswer,
  BundleAnswer,
  ReplicaCommand,
  ReplicaEvent,
  ReplicaSyncConfig,
  RotateAnswer,
  WorkspaceAnswer,
  WorkspaceRequest,
} from './messages';
import { Replica } from './replica';
import { syncEngine, workspaceProxy, type SyncEngine } from './replica-engine';
import { discardRotation, rotateReplica } from './replica-rotation';

/** A coalition's engine and the database it works on (a Replica's, or a local-only one). */
interface EngineEntry {
  db: PouchDB.Database;
  engine: SyncEngine;
  /** Closes a local-only database (a Replica closes its own). */
  close?: () => Promise<void>;
}

export interface ReplicaHubOptions {
  Pouch: PouchDB.Static;
  local: { adapter: string; prefix?: string };
  post: (event: ReplicaEvent) => void;
}

export function replicaHub({ Pouch, local, post }: ReplicaHubOptions) {
  const replicas = new Map<string, Replica>();
  const waiting = new Map<number, (outcome: CoalitionFetchOutcome) => void>();
  const asked = new Map<number, (answer: WorkspaceAnswer) => void>();
  const derived = new Map<number, (answer: Argon2idAnswer) => void>();
  const engines = new Map<string, EngineEntry>();
  /** Each coalition's local database name: it changes when the key is replaced. */
  const names = new Map<string, string>();
  let nextId = 0;

  // Once a key was replaced, the replica is the one the rotation filled (named by the key).
  const databaseNameOf = async (coalitionId: string, sync?: ReplicaSyncConfig) =>
    sync?.retiredKeyIds.length
      ? replicaDatabaseName(coalitionId, (await deriveCoalitionKeys(sync.key)).keyId)
      : replicaDatabaseName(coalitionId);

  async function rotate(command: Extract<ReplicaCommand, { type: 'rotate' }>) {
    const { coalitionId, sync, remote } = command;
    const entry = engines.get(coalitionId);
    if (!entry)
      return {
        ok: false,
        stage: 'reseal',
        problem: 'error',
        message: 'The coalition has no replica.',
      } satisfies RotateAnswer;
    const replica = replicas.get(coalitionId);
    await replica?.pause();
    const answer = await rotateReplica({
      Pouch,
      local,
      coalitionId,
      current: await entry.engine.replicaOf(entry.db),
      sync,
      ...(remote && { remote }),
      send,
    });
    // The old replica goes on until the page stores the new key (then `start` replaces it).
    if (!answer.ok && replica) void replica.start(replica.live);
    return answer;
  }

  // The bundle's KDF runs where the vault's does (main): the worker asks the page for it.
  const argon2id: Argon2idDeriver = async (request) => {
    const answer = await new Promise<Argon2idAnswer>((resolve) => {
      const id = nextId++;
      derived.set(id, resolve);
      post({ type: 'argon2id', id, request });
    });
    if (!answer.ok) throw new Error(answer.message);
    return answer.tag;
  };

  async function bundle(
    coalitionId: string,
    work: (entry: EngineEntry) => Promise<BundleAnswer>,
  ): Promise<BundleAnswer> {
    const entry = engines.get(coalitionId);
    if (!entry) return { ok: false, message: 'The coalition has no replica.' };
    try {
      return await work(entry);
    } catch (error) {
      if (error instanceof BundleError)
        return { ok: false, problem: error.problem, message: error.message };
      return { ok: false, message: error instanceof Error ? error.message : 'failed' };
    }
  }

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
    const entry = engines.get(coalitionId);
    replicas.delete(coalitionId);
    engines.delete(coalitionId);
    await replica?.stop();
    await entry?.close?.();
  }

  /** Each coalition's commands run in the order sent (a start finishes before a bundle). */
  const queues = new Map<string, Promise<void>>();

  /** Handles one command; resolves when it has been carried out (for tests). */
  function receive(command: ReplicaCommand): Promise<void> {
    if (!('coalitionId' in command)) return carryOut(command);
    const { coalitionId } = command;
    const run = (queues.get(coalitionId) ?? Promise.resolve()).then(() => carryOut(command));
    const settled = run.catch(() => undefined);
    queues.set(coalitionId, settled);
    void settled.then(() => {
      if (queues.get(coalitionId) === settled) queues.delete(coalitionId);
    });
    return run;
  }

  async function carryOut(command: ReplicaCommand): Promise<void> {
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
      case 'argon2id-result': {
        const resolve = derived.get(command.id);
        derived.delete(command.id);
        resolve?.(command.answer);
        return;
      }
      case 'start': {
        const { coalitionId, sync, remote } = command;
        const databaseName = await databaseNameOf(coalitionId, sync);
        const previous = names.get(coalitionId);
        await stop(coalitionId);
        names.set(coalitionId, databaseName);
        // After a rotation the replica under the replaced key holds nothing this member can use.
        if (previous && previous !== databaseName)
          await new Pouch(previous, local).destroy().catch(() => undefined);
        const engine = sync
          ? syncEngine(coalitionId, sync, workspaceProxy(askWorkspace(coalitionId)))
          : undefined;
        if (!remote) {
          // Files only: a local replica the engine keeps in step, for bundles.
          if (!engine) return;
          const db = new Pouch(databaseName, local);
          engines.set(coalitionId, { db, engine, close: () => db.close() });
          await engine.beforeSync(db).catch(() => undefined);
          return;
        }
        const replica = new Replica({
          Pouch,
          local,
          coalitionId,
          databaseName,
          remote,
          send,
          report: (status) => post({ type: 'status', status }),
          ...(engine ? { engine } : {}),
        });
        replicas.set(coalitionId, replica);
        if (engine) engines.set(coalitionId, { db: replica.local, engine });
        replica.live = command.live;
        await replica.start(command.live);
        return;
      }
      case 'export-bundle': {
        const { id, coalitionId, campaignId } = command;
        const answer = await bundle(coalitionId, async ({ db, engine }) => {
          const replica = await engine.replicaOf(db);
          const made = await replica.exportBundle({
            ...(campaignId !== undefined && { campaignId }),
            argon2id,
          });
          return { ok: true, value: made };
        });
        post({ type: 'bundle-result', id, answer });
        return;
      }
      case 'import-bundle': {
        const { id, coalitionId, text, passphrase } = command;
        const answer = await bundle(coalitionId, async ({ db, engine }) => {
          const replica = await engine.replicaOf(db);
          // A live server replica sends what arrived on, as it does the engine's own writes.
          const taken = await replica.importBundle(text, passphrase, argon2id);
          return { ok: true, value: { documents: taken.received } };
        });
        post({ type: 'bundle-result', id, answer });
        return;
      }
      case 'rotate': {
        const answer = await rotate(command).catch((error: unknown): RotateAnswer => ({
          ok: false,
          stage: 'reseal',
          problem: 'error',
          message: error instanceof Error ? error.message : 'failed',
        }));
        post({ type: 'rotate-result', id: command.id, answer });
        return;
      }
      case 'discard-rotation': {
        const { coalitionId, keyId } = command;
        await discardRotation(Pouch, local, coalitionId, keyId).catch(() => undefined);
        const replica = replicas.get(coalitionId);
        if (replica) await replica.start(replica.live);
        return;
      }
      case 'sync-now': {
        const replica = replicas.get(command.coalitionId);
        await replica?.start(replica.live);
        return;
      }
      case 'local-edit': {
        if (replicas.has(command.coalitionId)) {
          await replicas.get(command.coalitionId)?.localEdit();
          return;
        }
        const entry = engines.get(command.coalitionId);
        await entry?.engine.localEdit(entry.db).catch(() => undefined);
        return;
      }
      case 'stop': {
        await stop(command.coalitionId);
        const name = names.get(command.coalitionId);
        if (command.forget && name) {
          names.delete(command.coalitionId);
          await new Pouch(name, local).destroy();
        }
        return;
      }
    }
  }

  return { receive, replicas };
}
