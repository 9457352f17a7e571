/**
 * A new member's receive of ~11,000 sealed documents (bench/scenarios/coalition.ts's campaign)
 * in client CPU time (process.cpuUsage: main thread and WebCrypto's pool) as well as wall time
 * and the longest event-loop block, beside the same sealed documents replicated without the
 * engine and raw PouchDB `sync` of the records unencrypted, sides alternating. With
 * BASE_ROOT=<a checkout's root> the engine of that checkout runs too, in the same rounds (a
 * before/after in one window). Run:
 * npx tsx --tsconfig tsconfig.test.json bench/coalition-receive-cpu.ts [rounds]; SOURCE=memory
 * replicates from an in-process copy of the server's databases instead (no HTTP); SIDES=engine,base
 * runs only the sides named; PROFILE=<prefix> writes a CPU profile and HEAP=<prefix> a sampling heap
 * profile (collected objects included) of each side's last round.
 */
import { execSync } from 'node:child_process';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { newCoalitionKey } from '@core/coalition/coalition-key';
import { MemoryWorkspace } from '@core/coalition/sync/memory-workspace';
import type { CoalitionSyncConfig } from '@core/coalition/sync/ports';
import { CoalitionReplica } from '@core/coalition/sync/replica';
import { remoteDatabase, type ReplicaDatabase } from '@core/coalition/sync/replica-database';
import { memoryReplica, testPouch } from '../test/helpers/couch-server';
import {
  campaignOwner,
  config,
  INTERACTIONS_PER_TARGET,
  startServer,
  plainDocuments,
  TARGETS,
} from './coalition-fixture';
import { median } from './types';

const ROUNDS = Number(process.argv[2] ?? 3);
const BATCH = 500;

interface Engine {
  open(
    db: ReplicaDatabase,
    config: CoalitionSyncConfig,
  ): Promise<{
    syncOnce(remote: ReplicaDatabase, options: { batch_size: number }): Promise<unknown>;
  }>;
  interactions(): number;
}

type EngineModule = {
  CoalitionReplica: typeof CoalitionReplica;
  MemoryWorkspace: typeof MemoryWorkspace;
};

function engineOf(module: EngineModule): () => Engine {
  return () => {
    const workspace = new module.MemoryWorkspace();
    return {
      open: (db, config) => module.CoalitionReplica.open(db, config, workspace),
      interactions: () => workspace.tables.interactions.size,
    };
  };
}

interface Figure {
  wall: number;
  cpu: number;
  /** Time the client's event loop was not waiting (performance.eventLoopUtilization). */
  busy: number;
  block: number;
  reread?: number;
}

/** With PROFILE=<path prefix>, the last round's sides each write a V8 CPU profile. */
async function profiled(
  side: string,
  last: boolean,
  work: () => PromiseLike<unknown>,
): Promise<Figure> {
  const heap = process.env['HEAP'];
  if (heap && last) return heapSampled(`${heap}-${side}.heapprofile`, work);
  const prefix = process.env['PROFILE'];
  if (!prefix || !last) return measured(work);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  const figure = await measured(work);
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(`${prefix}-${side}.cpuprofile`, JSON.stringify(profile));
  session.disconnect();
  return figure;
}

/**
 * With HEAP=<path prefix>, the last round's sides each write a sampling heap profile that keeps
 * the objects collected meanwhile: every allocation of the side, not only what survived it.
 */
async function heapSampled(file: string, work: () => PromiseLike<unknown>): Promise<Figure> {
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 16384,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  const figure = await measured(work);
  const { profile } = await session.post('HeapProfiler.stopSampling');
  writeFileSync(file, JSON.stringify(profile));
  session.disconnect();
  return figure;
}

async function measured(work: () => PromiseLike<unknown>): Promise<Figure> {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const cpu = process.cpuUsage();
  const utilization = performance.eventLoopUtilization();
  const start = performance.now();
  await work();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const { active } = performance.eventLoopUtilization(utilization);
  loop.disable();
  return { wall, cpu: (used.user + used.system) / 1000, busy: active, block: loop.max / 1e6 };
}

async function main() {
  console.log(`uptime before: ${execSync('uptime').toString().trim()}`);
  const engines: Record<string, () => Engine> = {
    engine: engineOf({ CoalitionReplica, MemoryWorkspace }),
  };
  const baseRoot = process.env['BASE_ROOT'];
  if (baseRoot) {
    const sync = path.join(path.resolve(baseRoot), 'src/core/coalition/sync');
    const replica = (await import(path.join(sync, 'replica.ts'))) as EngineModule;
    const memory = (await import(path.join(sync, 'memory-workspace.ts'))) as EngineModule;
    engines['base'] = engineOf({ ...replica, ...memory });
  }
  // WORKER=1: this checkout's engine opening its slices on a worker thread (an experiment).
  if (process.env['WORKER']) {
    const { workerOpener } = await import('./coalition-open-worker');
    engines['worker'] = () => {
      const workspace = new MemoryWorkspace();
      return {
        open: async (db, config) => {
          const opener = workerOpener(config.key);
          // The worker loaded and its keys derived before the receive is measured.
          await opener.open([], {});
          const replica = await CoalitionReplica.open(db, config, workspace, {
            openDocuments: opener.open,
          });
          return {
            syncOnce: (remote, options) =>
              replica.syncOnce(remote, options).finally(() => opener.close()),
          };
        },
        interactions: () => workspace.tables.interactions.size,
      };
    };
  }
  const server = await startServer();
  try {
    await server.create('sealed');
    await server.create('raw');
    let sealedRemote = () => remoteDatabase(testPouch(), { url: server.url, database: 'sealed' });
    let rawRemote = () => remoteDatabase(testPouch(), { url: server.url, database: 'raw' });
    const key = newCoalitionKey();
    const { workspace: ownerWorkspace, replica: owner } = await campaignOwner(key);
    await owner.push();
    await owner.syncOnce(sealedRemote(), { batch_size: BATCH });
    const plain = plainDocuments(ownerWorkspace);
    const rawOwner = memoryReplica('raw-owner');
    await rawOwner.bulkDocs(plain);
    await rawOwner.replicate.to(rawRemote(), { batch_size: BATCH });
    if (process.env['SOURCE'] === 'memory') {
      // No HTTP: each side replicates from an in-process copy of the server's database, so
      // the client's CPU is the replica's and the engine's work only.
      const sealedCopy = memoryReplica('sealed-source');
      const rawCopy = memoryReplica('raw-source');
      await sealedCopy.replicate.from(sealedRemote(), { batch_size: BATCH });
      await rawCopy.replicate.from(rawRemote(), { batch_size: BATCH });
      sealedRemote = () => sealedCopy;
      rawRemote = () => rawCopy;
    }

    // SIDES=engine,base (say) runs only those: more rounds of a before/after in the same minutes.
    const only = process.env['SIDES']?.split(',');
    const sides = [...Object.keys(engines), 'replicated-only', 'raw'].filter(
      (side) => !only || only.includes(side),
    );
    const figures = new Map<string, Figure[]>(sides.map((side) => [side, []]));
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 ? [...sides].reverse() : sides;
      for (const side of order) {
        const db = memoryReplica(side);
        let figure: Figure;
        const last = round === ROUNDS - 1;
        if (side === 'raw')
          figure = await profiled(side, last, () => db.sync(rawRemote(), { batch_size: BATCH }));
        else if (side === 'replicated-only')
          figure = await profiled(side, last, () => db.sync(sealedRemote(), { batch_size: BATCH }));
        else {
          const engine = (engines[side] as () => Engine)();
          // Documents the engine reads again from the replica's changes (not the replication's).
          let reread = 0;
          const changes = db.changes.bind(db);
          db.changes = (options) => {
            const answer = changes(options);
            if (options.include_docs && options.conflicts)
              void answer.then(({ results }) => (reread += results.length));
            return answer;
          };
          const replica = await engine.open(db, config(key, `joiner-${round}`, []));
          figure = await profiled(side, last, () =>
            replica.syncOnce(sealedRemote(), { batch_size: BATCH }),
          );
          figure.reread = reread;
          if (engine.interactions() !== TARGETS * INTERACTIONS_PER_TARGET)
            throw new Error(`${side} received ${engine.interactions()} interactions`);
        }
        figures.get(side)?.push(figure);
        console.log(
          `round ${round} ${side}: wall ${figure.wall.toFixed(0)} ms, cpu ${figure.cpu.toFixed(0)} ms, loop busy ${figure.busy.toFixed(0)} ms, block ${figure.block.toFixed(0)} ms${figure.reread === undefined ? '' : `, ${figure.reread} documents read again from _changes`}`,
        );
        await db.destroy();
      }
    }
    const raw = figures.get('raw')?.length
      ? (figures.get('raw') as Figure[])
      : [{ wall: NaN, cpu: NaN }];
    for (const side of sides) {
      const list = figures.get(side) as Figure[];
      const of = (pick: (f: Figure) => number) => {
        const values = list.map(pick);
        return `${median(values).toFixed(0)} (${values.map((v) => v.toFixed(0)).join(' / ')})`;
      };
      console.log(
        `${side}: wall ${of((f) => f.wall)} = ${(median(list.map((f) => f.wall)) / median(raw.map((f) => f.wall))).toFixed(2)}× raw; ` +
          `cpu ${of((f) => f.cpu)} = ${(median(list.map((f) => f.cpu)) / median(raw.map((f) => f.cpu))).toFixed(2)}× raw; ` +
          `loop busy ${of((f) => f.busy)}; ` +
          `longest block ${of((f) => f.block)}`,
      );
    }
  } finally {
    server.child.disconnect();
  }
  console.log(`uptime after: ${execSync('uptime').toString().trim()}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
