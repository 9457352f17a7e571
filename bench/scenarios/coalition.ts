/**
 * Coalition sharing (issue 20), in Node against express-pouchdb on 127.0.0.1 (in a child
 * process): a new member receives a campaign of 500 targets × 20 interactions (~11,000 sealed
 * documents: replication, opening, checking and applying to an in-memory workspace) beside raw
 * PouchDB `sync` (the same replication, both ways) of the same records unencrypted, alternating
 * sides, fresh replicas each run (and the sealed documents replicated without the engine, to
 * tell what their size costs PouchDB from what opening costs); a change on one laptop visible
 * on another with live replication, beside a raw document replicated live; the longest
 * event-loop block on the receiving side (`monitorEventLoopDelay`); and the same receive in the
 * built app in Chromium (coalition-page.ts): the longest main-thread task while its replica
 * worker receives, and how long until the Dashboard counts every record. TADAMUN_BENCH_COALITION_PAGE_RUNS (default 2) sets how many page runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { toBase64 } from '@core/crypto/bytes';
import { KDF_ALGORITHM, MIN_PBKDF2_ITERATIONS } from '@core/crypto/kdf';
import { createInvitation } from '@core/coalition/invitation';
import { newCoalitionKey } from '@core/coalition/coalition-key';
import { MemoryWorkspace } from '@core/coalition/sync/memory-workspace';
import { CoalitionReplica } from '@core/coalition/sync/replica';
import { remoteDatabase } from '@core/coalition/sync/replica-database';
import { argon2idWithWasm } from '@shared/argon2id-wasm';
import { memoryReplica, testPouch } from '../../test/helpers/couch-server';
import {
  campaignRecords,
  config,
  INTERACTIONS_PER_TARGET,
  startServer,
  plainDocuments,
  TARGETS,
} from '../coalition-fixture';
import { median, rangeOf, withBaseline, type BenchResult, type BenchScenario } from '../types';
import { rawReceiveInPage, receiveInPage, type PageReceive } from './coalition-page';

const PAIRS = 3;
const LIVE_RUNS = 5;
const BATCH = 500;

/** `TADAMUN_BENCH_COALITION_PART=page`: only the app's receive (and its raw baseline), not Node's. */
const pageOnly = () => process.env['TADAMUN_BENCH_COALITION_PART'] === 'page';

function pageRunsFromEnv(): number {
  const raw = process.env['TADAMUN_BENCH_COALITION_PAGE_RUNS'];
  const runs = raw === undefined ? 2 : Number(raw);
  if (!Number.isInteger(runs) || runs < 0)
    throw new Error(`TADAMUN_BENCH_COALITION_PAGE_RUNS must be an integer ≥ 0, not ${raw}`);
  return runs;
}

/** This process's CPU time (all its threads) since `start`, in ms: steadier than wall time here. */
function cpuMsSince(start: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
}

/** A process's CPU time so far in ms (Linux `/proc`, 10 ms ticks; NaN elsewhere): the server's. */
function processCpuMs(pid: number | undefined): number {
  const stat = `/proc/${pid}/stat`;
  if (pid === undefined || !existsSync(stat)) return NaN;
  // Fields 14 and 15 (utime, stime) counted from the pid; the list after ") " starts at field 3.
  const fields = readFileSync(stat, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function timedWithLoop(work: () => PromiseLike<unknown>) {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const start = performance.now();
  const cpu = process.cpuUsage();
  await work();
  const ms = performance.now() - start;
  loop.disable();
  return { ms, blockMs: loop.max / 1e6, cpuMs: cpuMsSince(cpu) };
}

const nextTick = () => new Promise((resolve) => setTimeout(resolve, 5));

export const coalition: BenchScenario = {
  name: 'coalition',
  async run(context): Promise<BenchResult[]> {
    const server = await startServer();
    const pageRuns = pageRunsFromEnv();
    try {
      await server.create('sealed');
      await server.create('raw');
      const sealedRemote = () =>
        remoteDatabase(testPouch(), { url: server.url, database: 'sealed' });
      const rawRemote = () => remoteDatabase(testPouch(), { url: server.url, database: 'raw' });

      // The owner shares the campaign (sealed) and the same records go up raw.
      const key = newCoalitionKey();
      const ownerWorkspace = new MemoryWorkspace();
      const campaign = campaignRecords(ownerWorkspace);
      const ownerDb = memoryReplica('owner');
      // Member ids are UUIDs, as the app makes them: they are in every clock of every body.
      const owner = await CoalitionReplica.open(
        ownerDb,
        config(key, crypto.randomUUID(), [campaign.id]),
        ownerWorkspace,
      );
      const setup = performance.now();
      const pushed = await owner.push();
      await owner.syncOnce(sealedRemote(), { batch_size: BATCH });
      const rawOwner = memoryReplica('raw-owner');
      const plain = plainDocuments(ownerWorkspace);
      await rawOwner.bulkDocs(plain);
      await rawOwner.replicate.to(rawRemote(), { batch_size: BATCH });
      const documents = pushed.written;
      console.error(
        `  coalition: ${documents} sealed documents and ${plain.length} raw ones on the server (setup ${Math.round(performance.now() - setup)} ms)`,
      );

      const sealed: number[] = [];
      const raw: number[] = [];
      const sealedBlocks: number[] = [];
      const rawBlocks: number[] = [];
      // The sealed documents replicated alone (nothing opened): what the padded, base64 bodies
      // cost PouchDB by themselves, so the engine's own share of the ratio shows.
      const replicatedOnly: number[] = [];
      const cpu = { sealed: [] as number[], raw: [] as number[], replicatedOnly: [] as number[] };
      const serverCpu = { sealed: 0, raw: 0, replicatedOnly: 0 };
      async function runSide(side: 'raw' | 'sealed' | 'replicated-only') {
        if (side === 'replicated-only') {
          const db = memoryReplica('sealed-only');
          const start = performance.now();
          const startCpu = process.cpuUsage();
          await db.sync(sealedRemote(), { batch_size: BATCH });
          replicatedOnly.push(performance.now() - start);
          cpu.replicatedOnly.push(cpuMsSince(startCpu));
          await db.destroy();
          return;
        }
        if (side === 'sealed') {
          const workspace = new MemoryWorkspace();
          const db = memoryReplica('joiner');
          const joiner = await CoalitionReplica.open(
            db,
            config(key, crypto.randomUUID(), []),
            workspace,
          );
          const { ms, blockMs, cpuMs } = await timedWithLoop(() =>
            joiner.syncOnce(sealedRemote(), { batch_size: BATCH }),
          );
          cpu.sealed.push(cpuMs);
          if (workspace.tables.interactions.size !== TARGETS * INTERACTIONS_PER_TARGET)
            throw new Error(
              `the joiner received ${workspace.tables.interactions.size} interactions`,
            );
          sealed.push(ms);
          sealedBlocks.push(blockMs);
          await db.destroy();
        } else {
          const db = memoryReplica('raw-joiner');
          // The same replication the engine runs (both ways), without sealing.
          const { ms, blockMs, cpuMs } = await timedWithLoop(() =>
            db.sync(rawRemote(), { batch_size: BATCH }),
          );
          cpu.raw.push(cpuMs);
          const info = await db.info();
          if (info.doc_count !== plain.length) throw new Error(`raw joiner has ${info.doc_count}`);
          raw.push(ms);
          rawBlocks.push(blockMs);
          await db.destroy();
        }
      }

      for (let pair = 0; pair < (pageOnly() ? 0 : PAIRS); pair++) {
        const sides =
          pair % 2
            ? (['raw', 'sealed', 'replicated-only'] as const)
            : (['replicated-only', 'sealed', 'raw'] as const);
        for (const side of sides) {
          const serverStart = processCpuMs(server.child.pid);
          await runSide(side);
          const part = side === 'replicated-only' ? 'replicatedOnly' : side;
          serverCpu[part] += processCpuMs(server.child.pid) - serverStart;
        }
      }

      // Live: the owner edits one interaction; how long until another laptop's workspace has it.
      const live: number[] = [];
      const rawLive: number[] = [];
      const liveRuns = async () => {
        const otherWorkspace = new MemoryWorkspace();
        const otherDb = memoryReplica('other');
        const other = await CoalitionReplica.open(
          otherDb,
          config(key, crypto.randomUUID(), []),
          otherWorkspace,
        );
        await other.syncOnce(sealedRemote(), { batch_size: BATCH });
        const liveOwner = owner.startLive(sealedRemote());
        const liveOther = other.startLive(sealedRemote());
        const rawA = memoryReplica('raw-a');
        const rawB = memoryReplica('raw-b');
        await rawA.replicate.from(rawRemote(), { batch_size: BATCH });
        await rawB.replicate.from(rawRemote(), { batch_size: BATCH });
        const rawLiveA = rawA.sync(rawRemote(), { live: true, retry: true });
        const rawLiveB = rawB.sync(rawRemote(), { live: true, retry: true });
        const interaction = [...ownerWorkspace.tables.interactions.values()][0];
        if (!interaction) throw new Error('no interaction');
        await new Promise((resolve) => setTimeout(resolve, 500));
        for (let run = 0; run < LIVE_RUNS; run++) {
          const outcome = `outcome ${run}`;
          let start = performance.now();
          ownerWorkspace.put('interactions', { ...interaction, outcome });
          await owner.push();
          while (otherWorkspace.tables.interactions.get(interaction.id)?.outcome !== outcome) {
            if (performance.now() - start > 30_000) throw new Error('the change never arrived');
            await nextTick();
          }
          live.push(performance.now() - start);
          start = performance.now();
          const doc = await rawA.get(interaction.id);
          await rawA.put({ ...doc, outcome });
          while ((await rawB.get(interaction.id))['outcome'] !== outcome) {
            if (performance.now() - start > 30_000) throw new Error('the raw change never arrived');
            await nextTick();
          }
          rawLive.push(performance.now() - start);
        }
        await liveOwner.stop();
        await liveOther.stop();
        rawLiveA.cancel();
        rawLiveB.cancel();
      };
      if (!pageOnly()) await liveRuns();

      // The app joins as a new member and receives the campaign through its worker.
      const invitation = await createInvitation(
        {
          coalitionName: 'Bench coalition',
          coalitionKey: toBase64(key),
          memberId: crypto.randomUUID(),
          transport: {
            kind: 'server',
            url: server.url,
            database: 'sealed',
            username: 'bench',
            password: 'bench-password',
          },
        },
        {
          argon2id: argon2idWithWasm,
          cost: { algorithm: KDF_ALGORITHM, iterations: MIN_PBKDF2_ITERATIONS },
        },
      );
      // The app's receive and raw PouchDB in the same Chromium, alternating which goes first.
      const inPage: PageReceive[] = [];
      const rawInPage: number[] = [];
      const sealedOnlyInPage: number[] = [];
      const browser = await context.browser();
      for (let run = 0; run < pageRuns; run++) {
        const app = async () =>
          inPage.push(
            await receiveInPage(browser, context.baseUrl, invitation, {
              contacts: TARGETS,
              targets: TARGETS,
              interactions: TARGETS * INTERACTIONS_PER_TARGET,
            }),
          );
        const inChromium = (database: string, expected: number, into: number[]) => async () =>
          into.push(
            await rawReceiveInPage(
              browser,
              context.benchPageUrl,
              { url: server.url, database, username: 'bench', password: 'bench-password' },
              expected,
            ),
          );
        const rawSide = inChromium('raw', plain.length, rawInPage);
        // The sealed documents replicated the same way, nothing opened: what their size costs.
        const sealedSide = inChromium('sealed', documents, sealedOnlyInPage);
        const sides = run % 2 ? [rawSide, sealedSide, app] : [app, sealedSide, rawSide];
        for (const side of sides) await side();
      }

      if (pageOnly()) return pageResults(inPage, rawInPage, sealedOnlyInPage);
      const round = (values: number[]) => values.map((v) => Math.round(v)).join(', ');
      console.error(
        `  coalition: receive runs (ms) sealed ${round(sealed)}; raw ${round(raw)}; ` +
          `sealed documents replicated only ${round(replicatedOnly)}; ` +
          `longest event-loop block sealed ${round(sealedBlocks)}, raw ${round(rawBlocks)}; ` +
          `live ${round(live)}; raw live ${round(rawLive)}`,
      );
      console.error(
        `  coalition: receive client CPU (ms) sealed ${round(cpu.sealed)}; raw ${round(cpu.raw)}; ` +
          `sealed documents replicated only ${round(cpu.replicatedOnly)}; ` +
          `medians ${(median(cpu.sealed) / median(cpu.raw)).toFixed(2)}× and ` +
          `${(median(cpu.replicatedOnly) / median(cpu.raw)).toFixed(2)}× raw; ` +
          `server CPU, all ${PAIRS} runs: sealed ${serverCpu.sealed}, raw ${serverCpu.raw}, ` +
          `replicated only ${serverCpu.replicatedOnly}`,
      );
      const count = `${documents.toLocaleString('en-US')} documents`;
      return [
        withBaseline(
          {
            name: `coalition: new member receives ${TARGETS} targets × ${INTERACTIONS_PER_TARGET} interactions (${count}), sealed`,
            value: median(sealed),
            unit: 'ms',
            range: rangeOf(sealed),
            baselineRange: rangeOf(raw),
            runs: PAIRS,
            target: '≤ 1.5×',
          },
          'raw PouchDB sync, unencrypted',
          median(raw),
        ),
        withBaseline(
          {
            name: `coalition: the same ${count} replicated without the engine (sealed, nothing opened)`,
            value: median(replicatedOnly),
            unit: 'ms',
            range: rangeOf(replicatedOnly),
            baselineRange: rangeOf(raw),
            runs: PAIRS,
          },
          'raw PouchDB sync, unencrypted',
          median(raw),
        ),
        withBaseline(
          {
            name: 'coalition: change visible on another laptop (live, localhost)',
            value: median(live),
            unit: 'ms',
            range: rangeOf(live),
            baselineRange: rangeOf(rawLive),
            runs: LIVE_RUNS,
            target: '≤ 2,000 ms',
          },
          'raw live replication of one document',
          median(rawLive),
        ),
        withBaseline(
          {
            name: `coalition: longest event-loop block while receiving, of ${PAIRS} runs (Node, the engine alone)`,
            value: Math.max(...sealedBlocks),
            unit: 'ms',
            range: rangeOf(sealedBlocks),
            baselineRange: rangeOf(rawBlocks),
            target: '< 50 ms',
          },
          'raw replication',
          Math.max(...rawBlocks),
        ),
        ...pageResults(inPage, rawInPage, sealedOnlyInPage),
      ];
    } finally {
      server.child.disconnect();
    }
  },
};

/**
 * The page's figures: the longest task of all runs, and the median receive in the app beside
 * raw PouchDB's in the same Chromium.
 */
function pageResults(
  runs: readonly PageReceive[],
  raw: readonly number[],
  sealedOnly: readonly number[],
): BenchResult[] {
  if (runs.length === 0) return [];
  const longest = runs.map((run) => run.longestTaskMs);
  const times = runs.map((run) => run.ms);
  console.error(
    `  coalition (page): receive runs (ms) ${times.map(Math.round).join(', ')}; raw PouchDB ` +
      `${raw.map(Math.round).join(', ')}; sealed documents replicated only ` +
      `${sealedOnly.map(Math.round).join(', ')}; longest task ${longest.map(Math.round).join(', ')}; ` +
      `tasks ≥ 50 ms ${runs.map((r) => r.longTasks).join(', ')}`,
  );
  return [
    {
      name: `coalition: longest main-thread task while the app receives (Chromium, replica worker), of ${runs.length} runs`,
      value: Math.max(...longest),
      unit: 'ms',
      range: rangeOf(longest),
      target: '< 50 ms',
    },
    withBaseline(
      {
        name: 'coalition: new member receives in the app (Chromium: join to the Dashboard counting all)',
        value: median(times),
        unit: 'ms',
        range: rangeOf(times),
        baselineRange: rangeOf(raw),
        runs: runs.length,
        target: '≤ 1.5×',
      },
      'raw PouchDB sync in Chromium (IndexedDB, in a worker, through the same host)',
      median(raw),
    ),
    withBaseline(
      {
        name: 'coalition: the sealed documents replicated the same way in Chromium (nothing opened)',
        value: median(sealedOnly),
        unit: 'ms',
        range: rangeOf(sealedOnly),
        baselineRange: rangeOf(raw),
        runs: sealedOnly.length,
      },
      'raw PouchDB sync in Chromium',
      median(raw),
    ),
  ];
}
