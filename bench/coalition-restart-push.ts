/**
 * The first push after a restart on a replica of ~11,000 documents (a campaign of 500 targets ×
 * 20 interactions), nothing changed meanwhile: with the record digests saved in the replica
 * (record-bases.ts) beside the same engine with them deleted (as a replica from before them,
 * which opened every document). Counts the documents read from the replica and times the push,
 * alternating sides. Run: npx tsx --tsconfig tsconfig.test.json bench/coalition-restart-push.ts
 */
import { execSync } from 'node:child_process';
import { newCoalitionKey } from '@core/coalition/coalition-key';
import { MemoryWorkspace } from '@core/coalition/sync/memory-workspace';
import type { CoalitionSyncConfig } from '@core/coalition/sync/ports';
import { BASES_ID_PREFIX } from '@core/coalition/sync/record-bases';
import { CoalitionReplica } from '@core/coalition/sync/replica';
import { memoryReplica } from '../test/helpers/couch-server';
import { campaignRecords } from './coalition-fixture';
import { median } from './types';

const RUNS = Number(process.env['RUNS'] ?? 3);

async function main() {
  console.log(`uptime before: ${execSync('uptime').toString().trim()}`);
  const workspace = new MemoryWorkspace();
  const campaign = campaignRecords(workspace);
  const db = memoryReplica(`restart-push-${Date.now()}`);
  const config: CoalitionSyncConfig = {
    coalitionId: 'bench',
    key: newCoalitionKey(),
    memberId: 'member-a',
    retiredKeyIds: [],
    sharedCampaigns: [{ campaignId: campaign.id, templateIds: [] }],
  };
  let opened = 0;
  const allDocs = db.allDocs.bind(db);
  db.allDocs = async (options) => {
    const answer = await allDocs(options);
    if (options.include_docs) opened += answer.rows.filter((row) => row.doc).length;
    return answer;
  };
  const first = await (await CoalitionReplica.open(db, config, workspace)).push();
  console.log(`documents written by the first push: ${first.written}`);

  const figures = { saved: [] as number[], none: [] as number[] };
  const counts = { saved: 0, none: 0 };
  const restartAndPush = async (side: 'saved' | 'none') => {
    if (side === 'none')
      for (let shard = 0; shard < 16; shard++) {
        const doc = await db.get(`${BASES_ID_PREFIX}${shard.toString(16)}`).catch(() => undefined);
        if (doc) await db.bulkDocs([{ ...doc, _deleted: true }]);
      }
    opened = 0;
    const start = performance.now();
    const replica = await CoalitionReplica.open(db, config, workspace);
    const result = await replica.push();
    figures[side].push(performance.now() - start);
    counts[side] = opened;
    if (result.written !== 0) throw new Error(`Nothing changed, yet ${result.written} written`);
  };
  for (let run = 0; run < RUNS; run++) {
    // Alternating which side goes first; the side without digests saves them again.
    if (run % 2) {
      await restartAndPush('saved');
      await restartAndPush('none');
    } else {
      await restartAndPush('none');
      await restartAndPush('saved');
    }
  }
  for (const side of ['saved', 'none'] as const) {
    const values = figures[side];
    console.log(
      `${side === 'saved' ? 'digests saved' : 'no digests (before)'}: opened ${counts[side]} documents; ` +
        `open + first push median ${median(values).toFixed(0)} ms, range ${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)} ms (${values.length} runs)`,
    );
  }
  console.log(`uptime after: ${execSync('uptime').toString().trim()}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
