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
    const sides = Object.keys(engines);
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
          return handle;
        };
        const Replica = engines[side] as typeof CoalitionReplica;
        const replica = await Replica.open(db, config(key, `joiner-${round}`, []), workspace);
        const events: [number, string][] = [];
        const start = performance.now();
        log = (event) => events.push([performance.now() - start, event]);
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
