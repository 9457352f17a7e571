/**
 * A new member's receive batch by batch (bench/scenarios/coalition.ts's campaign): when the
 * replication's pull half reports each batch (`change`), when each `_bulk_get` goes out and
 * comes back, when each batch reaches the workspace. For this checkout's engine and, with
 * BASE_ROOT=<a checkout's root>, that checkout's, alternating. It shows where a receive waits:
 * the batch cycle (change to change) and the time with a `_bulk_get` out at the server. Run:
 * BASE_ROOT=<checkout> npx tsx --tsconfig tsconfig.test.json bench/coalition-receive-timeline.ts [rounds]
 */
import path from 'node:path';
import { execSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { newCoalitionKey } from '@core/coalition/coalition-key';
import { MemoryWorkspace } from '@core/coalition/sync/memory-workspace';
import { CoalitionReplica } from '@core/coalition/sync/replica';
import { remoteDatabase } from '@core/coalition/sync/replica-database';
import { memoryReplica, testPouch } from '../test/helpers/couch-server';
import { campaignOwner, config, startServer } from './coalition-fixture';
import { median } from './types';

const ROUNDS = Number(process.argv[2] ?? 2);

let log: (event: string) => void = () => undefined;

const loggedFetch: typeof fetch = async (input, init) => {
  const bulk = String(input instanceof Request ? input.url : input).includes('_bulk_get');
  if (bulk) log('bulk_get >');
  const response = await fetch(input, init);
  if (bulk) log('bulk_get <');
  return response;
};

async function main() {
  console.log(`uptime before: ${execSync('uptime').toString().trim()}`);
  const engines: Record<string, typeof CoalitionReplica> = { engine: CoalitionReplica };
  const baseRoot = process.env['BASE_ROOT'];
  if (baseRoot) {
    const file = path.join(path.resolve(baseRoot), 'src/core/coalition/sync/replica.ts');
    engines['base'] = (
      (await import(file)) as { CoalitionReplica: typeof CoalitionReplica }
    ).CoalitionReplica;
  }
  const server = await startServer();
  try {
    await server.create('sealed');
    const remote = () =>
      remoteDatabase(testPouch(), { url: server.url, database: 'sealed', fetch: loggedFetch });
    const key = newCoalitionKey();
    const { replica: owner } = await campaignOwner(key);
    await owner.push();
    await owner.syncOnce(remote(), { batch_size: 500 });
    // REPLICATED=1: the same documents replicated without the engine too (nothing opened).
    const sides = [
      ...Object.keys(engines),
      ...(process.env['REPLICATED'] ? ['replicated-only'] : []),
    ];
    for (let round = 0; round < ROUNDS; round++) {
      for (const side of round % 2 ? [...sides].reverse() : sides) {
        const db = memoryReplica(`${side}-${round}`);
        const workspace = new MemoryWorkspace();
        const apply = workspace.applyIncoming.bind(workspace);
        workspace.applyIncoming = (c, k, records) => {
          if (records.length) log('applied');
          return apply(c, k, records);
        };
        const sync = db.sync.bind(db);
        db.sync = (target, options) => {
          const handle = sync(target, options);
          handle.on('change', (info) => {
            if (info.direction === 'pull') log('change');
          });
          handle.pull?.on('checkpoint', (info) => {
            if (info.checkpoint !== undefined) log('checkpoint');
          });
          return handle;
        };
        const Replica = engines[side];
        const replica = Replica
          ? await Replica.open(db, config(key, `joiner-${round}`, []), workspace)
          : {
              syncOnce: (
                target: typeof remote extends () => infer R ? R : never,
                options: object,
              ) => db.sync(target, options),
            };
        const events: [number, string, number][] = [];
        const start = performance.now();
        let since = performance.eventLoopUtilization();
        log = (event) => {
          const now = performance.eventLoopUtilization();
          events.push([
            performance.now() - start,
            event,
            performance.eventLoopUtilization(now, since).active,
          ]);
          since = now;
        };
        await replica.syncOnce(remote(), { batch_size: 500 });
        const total = performance.now() - start;
        log = () => undefined;
        const changes = events.filter(([, e]) => e === 'change').map(([t]) => t);
        const cycles = changes.slice(1).map((t, i) => t - (changes[i] ?? 0));
        let sent = 0;
        let atServer = 0;
        for (const [t, e] of events) {
          if (e === 'bulk_get >') sent = t;
          if (e === 'bulk_get <') atServer += t - sent;
        }
        console.log(
          `round ${round} ${side}: total ${total.toFixed(0)} ms, batch cycle median ${median(cycles).toFixed(0)} ms ` +
            `(${Math.min(...cycles).toFixed(0)}–${Math.max(...cycles).toFixed(0)}), a _bulk_get out ${atServer.toFixed(0)} ms`,
        );
        // EVENTS=1: every event of the round, with the event loop's busy time since the last one.
        if (process.env['EVENTS'])
          for (const [t, e, busy] of events)
            console.log(`  ${t.toFixed(1).padStart(8)} ms ${e.padEnd(12)} busy ${busy.toFixed(1)}`);
        await db.destroy();
      }
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
