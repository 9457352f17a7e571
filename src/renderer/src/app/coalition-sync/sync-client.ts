/**
 * The page's side of the replica worker: tells main which coalition databases it may reach,
 * starts and stops each coalition's replica, hands the worker's requests to main (a worker has
 * no preload bridge) and passes on each replica's state. The worker, and PouchDB with it,
 * loads only when a coalition exists or is being joined. Bundles are made and taken in by the
 * worker's engine.
 */
import { BundleError, type ExportedBundle } from '@core/coalition/sync';
import type { Argon2idDeriver } from '@core/crypto/kdf';
import type { CoalitionFetchOutcome, CoalitionRemote, TadamunApi } from '@shared/ipc';
import { RotationError } from './rotation-error';
import type {
  Argon2idAnswer,
  BundleAnswer,
  ReplicaCommand,
  ReplicaEvent,
  ReplicaRemote,
  ReplicaStatus,
  ReplicaSyncConfig,
  RotateAnswer,
  WorkspaceAnswer,
  WorkspaceRequest,
} from './messages';

/** What the client needs of a Worker (tests give it an in-process stand-in). */
export interface ReplicaWorker {
  postMessage(message: ReplicaCommand): void;
  onmessage: ((event: MessageEvent<ReplicaEvent>) => void) | null;
  terminate(): void;
}

export interface SyncedCoalition {
  coalitionId: string;
  /** Absent for a files-only coalition: its replica is only local (for bundles). */
  remote?: ReplicaRemote;
  /** Replicate continuously; otherwise only on `syncNow`. */
  live: boolean;
  /** For the sync engine (with the coalition key): absent, the replica only carries documents. */
  sync?: ReplicaSyncConfig;
}

/** Carries out the engine's workspace calls on the page (see workspace-host.ts). */
export type WorkspaceHandler = (
  coalitionId: string,
  request: WorkspaceRequest,
) => Promise<WorkspaceAnswer>;

type Bridge = Pick<TadamunApi, 'coalitionFetch' | 'setCoalitionOrigins'>;

export class CoalitionSyncClient {
  private worker: ReplicaWorker | undefined;
  private readonly running = new Map<string, SyncedCoalition>();
  private readonly listeners = new Set<(status: ReplicaStatus) => void>();
  private readonly statuses = new Map<string, ReplicaStatus>();
  private readonly bundles = new Map<number, (answer: BundleAnswer) => void>();
  private readonly rotations = new Map<number, (answer: RotateAnswer) => void>();
  /** The databases main was last told it may reach. */
  private remotes: CoalitionRemote[] = [];
  private nextBundleId = 0;

  constructor(
    private readonly startWorker: () => ReplicaWorker,
    private readonly bridge: Bridge,
    private readonly workspace?: WorkspaceHandler,
    /** Computes a bundle's Argon2id for the worker (appArgon2id in the app). */
    private readonly argon2id?: Argon2idDeriver,
  ) {}

  /**
   * The coalitions to keep in step, replacing the previous list: main is told their databases
   * first (and nothing else), then replicas no longer listed (left) stop and are deleted, and
   * new or changed ones start.
   */
  async setCoalitions(coalitions: readonly SyncedCoalition[]): Promise<void> {
    const remotes = coalitions.flatMap(({ remote }) =>
      remote ? [{ url: remote.url, database: remote.database }] : [],
    );
    const allowed = await this.bridge.setCoalitionOrigins(remotes);
    if (!allowed.ok) throw new Error(allowed.error.message);
    this.remotes = remotes;
    const wanted = new Map(coalitions.map((coalition) => [coalition.coalitionId, coalition]));
    for (const id of this.running.keys()) {
      if (!wanted.has(id)) {
        this.running.delete(id);
        this.post({ type: 'stop', coalitionId: id, forget: true });
      }
    }
    for (const coalition of coalitions) {
      const before = this.running.get(coalition.coalitionId);
      if (before && sameCoalition(before, coalition)) continue;
      this.running.set(coalition.coalitionId, coalition);
      this.post({ type: 'start', ...coalition });
    }
  }

  /**
   * A coalition is about to be joined: the worker (PouchDB with it) loads while the invitation's
   * key derivation runs, not after. It sends nothing until a coalition is listed.
   */
  prepare(): void {
    this.ensureWorker();
  }

  /** The join failed: a worker prepared for it that has nothing to do is let go. */
  unprepare(): void {
    if (this.running.size > 0 || this.bundles.size > 0 || this.rotations.size > 0) return;
    this.worker?.terminate();
    this.worker = undefined;
  }

  /** Replicates one coalition now (after "offline", without waiting for the back-off). */
  syncNow(coalitionId: string): void {
    if (this.running.has(coalitionId)) this.post({ type: 'sync-now', coalitionId });
  }

  /** The workspace changed: each replica's engine seals the shared campaigns' edits. */
  localEdit(): void {
    for (const coalitionId of this.running.keys()) this.post({ type: 'local-edit', coalitionId });
  }

  /**
   * Removing a member: the coalition's documents sealed again under the new key (`sync`) into a
   * new replica and, for a server, sent to the new database, which main may reach meanwhile.
   * Resolves with how many documents went over and how many did not open; a RotationError says
   * where it failed. Store the new key next (the replica then moves to it), or `discardRotation`.
   */
  async rotate(
    coalitionId: string,
    sync: ReplicaSyncConfig,
    remote?: ReplicaRemote,
  ): Promise<{ documents: number; refused: number }> {
    if (!this.running.has(coalitionId))
      throw new RotationError('reseal', 'error', 'The coalition has no replica.');
    const before = this.remotes;
    if (remote) {
      const allowed = await this.bridge.setCoalitionOrigins([
        ...before,
        { url: remote.url, database: remote.database },
      ]);
      if (!allowed.ok)
        throw new RotationError('push', 'refused', allowed.error.message, {
          url: remote.url,
          database: remote.database,
        });
    }
    const id = this.nextBundleId++;
    const answer = await new Promise<RotateAnswer>((resolve) => {
      this.rotations.set(id, resolve);
      this.post({ type: 'rotate', id, coalitionId, sync, ...(remote && { remote }) });
    });
    if (remote) await this.bridge.setCoalitionOrigins(this.remotes).catch(() => undefined);
    if (!answer.ok)
      throw new RotationError(
        answer.stage,
        answer.problem,
        answer.message,
        remote && { url: remote.url, database: remote.database },
      );
    return { documents: answer.documents, refused: answer.refused };
  }

  /** The new key was not stored after all: the new replica goes, the old one resumes. */
  discardRotation(coalitionId: string, keyId: string): void {
    if (this.running.has(coalitionId)) this.post({ type: 'discard-rotation', coalitionId, keyId });
  }

  /** A bundle of one shared campaign, or of all; BundleError says why not. */
  async exportBundle(coalitionId: string, campaignId?: string): Promise<ExportedBundle> {
    const answer = await this.askBundle((id) => ({
      type: 'export-bundle',
      id,
      coalitionId,
      ...(campaignId !== undefined && { campaignId }),
    }));
    if (!('file' in answer)) throw new Error('Unexpected answer');
    return answer;
  }

  /** Takes in a bundle; resolves with how many documents it brought to the workspace. */
  async importBundle(coalitionId: string, text: string, passphrase: string): Promise<number> {
    const answer = await this.askBundle((id) => ({
      type: 'import-bundle',
      id,
      coalitionId,
      text,
      passphrase,
    }));
    return answer.documents;
  }

  private async askBundle(command: (id: number) => ReplicaCommand) {
    const id = this.nextBundleId++;
    const answer = await new Promise<BundleAnswer>((resolve) => {
      this.bundles.set(id, resolve);
      this.post(command(id));
    });
    if (answer.ok) return answer.value;
    throw answer.problem ? new BundleError(answer.problem) : new Error(answer.message);
  }

  status(coalitionId: string): ReplicaStatus | undefined {
    return this.statuses.get(coalitionId);
  }

  onStatus(listener: (status: ReplicaStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops every replica and the worker, and main forgets the databases. */
  async close(): Promise<void> {
    this.running.clear();
    for (const resolve of this.bundles.values())
      resolve({ ok: false, message: 'The workspace was locked.' });
    this.bundles.clear();
    for (const resolve of this.rotations.values())
      resolve({
        ok: false,
        stage: 'reseal',
        problem: 'error',
        message: 'The workspace was locked.',
      });
    this.rotations.clear();
    this.worker?.terminate();
    this.worker = undefined;
    await this.bridge.setCoalitionOrigins([]);
  }

  private post(command: ReplicaCommand): void {
    this.ensureWorker().postMessage(command);
  }

  private ensureWorker(): ReplicaWorker {
    if (!this.worker) {
      const worker = this.startWorker();
      worker.onmessage = (event) => void this.receive(worker, event.data);
      this.worker = worker;
    }
    return this.worker;
  }

  private async receive(worker: ReplicaWorker, event: ReplicaEvent): Promise<void> {
    if (event.type === 'status') {
      this.statuses.set(event.status.coalitionId, event.status);
      for (const listener of this.listeners) listener(event.status);
      return;
    }
    if (event.type === 'workspace') {
      const answer: WorkspaceAnswer = this.workspace
        ? await this.workspace(event.coalitionId, event.request).catch((error: unknown) => ({
            ok: false as const,
            message: error instanceof Error ? error.message : 'failed',
          }))
        : { ok: false, message: 'No workspace' };
      if (worker === this.worker)
        worker.postMessage({ type: 'workspace-result', id: event.id, answer });
      return;
    }
    if (event.type === 'bundle-result') {
      const resolve = this.bundles.get(event.id);
      this.bundles.delete(event.id);
      resolve?.(event.answer);
      return;
    }
    if (event.type === 'rotate-result') {
      const resolve = this.rotations.get(event.id);
      this.rotations.delete(event.id);
      resolve?.(event.answer);
      return;
    }
    if (event.type === 'argon2id') {
      const derive = this.argon2id;
      const answer: Argon2idAnswer = derive
        ? await Promise.resolve(event.request)
            .then(derive)
            .then(
              (tag): Argon2idAnswer => ({ ok: true, tag }),
              (error: unknown): Argon2idAnswer => ({
                ok: false,
                message: error instanceof Error ? error.message : 'failed',
              }),
            )
        : { ok: false, message: 'No key derivation' };
      if (worker === this.worker)
        worker.postMessage({ type: 'argon2id-result', id: event.id, answer });
      return;
    }
    if (event.type !== 'fetch') return;
    const result = await this.bridge
      .coalitionFetch(event.request)
      .catch((error: unknown): Awaited<ReturnType<Bridge['coalitionFetch']>> => ({
        ok: false,
        error: { code: 'failed', message: error instanceof Error ? error.message : 'failed' },
      }));
    const outcome: CoalitionFetchOutcome = result.ok
      ? result.value
      : { kind: 'failure', problem: 'refused', message: result.error.message };
    if (worker === this.worker) worker.postMessage({ type: 'fetch-result', id: event.id, outcome });
  }
}

function sameCoalition(a: SyncedCoalition, b: SyncedCoalition): boolean {
  const plain = (c: SyncedCoalition) =>
    JSON.stringify({ ...c, sync: c.sync && { ...c.sync, key: [...c.sync.key] } });
  return plain(a) === plain(b);
}

/** The app's client: the module worker bundled with the renderer, main through the bridge. */
export function coalitionSyncClient(
  bridge: Bridge,
  workspace?: WorkspaceHandler,
  argon2id?: Argon2idDeriver,
): CoalitionSyncClient {
  return new CoalitionSyncClient(
    () =>
      new Worker(new URL('./replica.worker.ts', import.meta.url), {
        type: 'module',
        name: 'coalition-replicas',
      }) as unknown as ReplicaWorker,
    bridge,
    workspace,
    argon2id,
  );
}
