/**
 * Storage in Chromium with 100,000 synthetic contacts (valid ContactInputs, as a CSV import
 * would hand them over): persisting them through the data layer (contacts.createMany) and
 * loading them all back at start (openDataCore until every contact is in memory and
 * searchable). Beside each, the naive floor on the same records in the same run: raw
 * IndexedDB, one `put()` per record in one transaction into a plain object store of a
 * separate database, and its `getAll()`.
 *
 * The profile is on disk (a persistent context in a temporary folder: incognito contexts keep
 * IndexedDB in memory, which the app never does), and every write and every load runs in a
 * freshly launched browser on that profile, so a load starts cold as the app does after a
 * restart. The order alternates between runs; median of 3.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { LoadResult, UnlockResult, WriteResult } from '../browser/storage';
import { answered, inFreshBrowser } from './fresh-browser';
import { kdfInMainProcess } from './kdf-main';
import { median, rangeOf, withBaseline, type BenchScenario } from '../types';

const CONTACTS = 100_000;
const RUNS = 3;

type Writer = 'tadamun' | 'encrypted' | 'raw';
type Loader = 'tadamun' | 'encrypted' | 'raw';

async function write(page: Page, writer: Writer): Promise<WriteResult & { closeMs?: number }> {
  await page.evaluate((count) => window.tadamunBench?.storage.prepare(count), CONTACTS);
  return answered(
    await page.evaluate(
      (which) =>
        which === 'tadamun'
          ? window.tadamunBench?.storage.writeTadamun()
          : which === 'encrypted'
            ? window.tadamunBench?.storage.writeEncrypted()
            : window.tadamunBench?.storage.writeRaw(),
      writer,
    ),
  );
}

/** Loads one side back; the last load of a run then deletes both databases. */
async function load(
  page: Page,
  loader: Loader,
  dropAfter: boolean,
): Promise<LoadResult & Partial<UnlockResult>> {
  const result = answered(
    await page.evaluate(
      (which) =>
        which === 'tadamun'
          ? window.tadamunBench?.storage.loadTadamun()
          : which === 'encrypted'
            ? window.tadamunBench?.storage.unlockEncrypted()
            : window.tadamunBench?.storage.loadRaw(),
      loader,
    ),
  );
  if (dropAfter) await page.evaluate(() => window.tadamunBench?.storage.drop());
  return result;
}

/** Every side holds all the contacts, as the same objects (equal JSON size). */
function check(what: string, results: readonly WriteResult[]): void {
  const [first] = results;
  for (const result of results) {
    if (result.records !== CONTACTS) {
      throw new Error(`${what}: expected ${CONTACTS} records, got ${result.records}`);
    }
    // Only UUIDs and timestamps differ between the sides, and they have fixed lengths.
    if (first && result.jsonBytes !== first.jsonBytes) {
      throw new Error(`${what}: ${first.jsonBytes} B of records vs ${result.jsonBytes} B`);
    }
  }
}

export const storage: BenchScenario = {
  name: 'storage',
  async run({ benchPageUrl }) {
    const started = performance.now();
    const writes: Record<Writer, number[]> = { tadamun: [], encrypted: [], raw: [] };
    const loads: Record<Loader, number[]> = { tadamun: [], encrypted: [], raw: [] };
    const unlockKdf: number[] = [];
    const unlockRest: number[] = [];
    let kdf = '';
    const closes: number[] = [];
    let bytes = 0;
    for (let run = 0; run < RUNS; run += 1) {
      const writers: Writer[] =
        run % 2 ? ['raw', 'encrypted', 'tadamun'] : ['tadamun', 'encrypted', 'raw'];
      const loaders: Loader[] =
        run % 2 ? ['encrypted', 'tadamun', 'raw'] : ['raw', 'tadamun', 'encrypted'];
      const profile = await mkdtemp(path.join(tmpdir(), 'tadamun-bench-storage-'));
      try {
        const written: WriteResult[] = [];
        for (const writer of writers) {
          console.error(`  storage: write ${writer}, run ${run + 1} of ${RUNS}`);
          const result = await inFreshBrowser('storage', profile, benchPageUrl, (page) =>
            write(page, writer),
          );
          writes[writer].push(result.ms);
          if (result.closeMs !== undefined) closes.push(result.closeMs);
          written.push(result);
        }
        const loaded: LoadResult[] = [];
        for (const [index, loader] of loaders.entries()) {
          console.error(`  storage: load ${loader}, run ${run + 1} of ${RUNS}`);
          const last = index === loaders.length - 1;
          const result = await inFreshBrowser('storage', profile, benchPageUrl, (page) =>
            load(page, loader, last),
          );
          loads[loader].push(result.ms);
          if (result.kdfMs !== undefined && result.restMs !== undefined) {
            unlockKdf.push(result.kdfMs);
            unlockRest.push(result.restMs);
            console.error(
              `  storage: unlock phases (ms after the key): ${JSON.stringify(result.phases)}`,
            );
            kdf = result.kdf ?? '';
          }
          loaded.push(result);
        }
        check('stored records', [...written, ...loaded]);
        bytes = loaded[0]?.jsonBytes ?? 0;
      } finally {
        await rm(profile, { recursive: true, force: true });
      }
    }
    console.error('  storage: key derivation in the main process (Node)');
    const mainKdf = await kdfInMainProcess();
    const runs = (values: number[]) => values.map((ms) => Math.round(ms)).join(', ');
    console.error(
      `  storage: runs (ms): createMany ${runs(writes.tadamun)}; encrypted ${runs(writes.encrypted)}; ` +
        `put() ${runs(writes.raw)}; openDataCore ${runs(loads.tadamun)}; unlock kdf ${runs(unlockKdf)}, ` +
        `rest ${runs(unlockRest)}; getAll() ${runs(loads.raw)}`,
    );
    console.error(
      `  storage: ${CONTACTS.toLocaleString('en-US')} contacts of ${Math.round(bytes / CONTACTS)} B ` +
        `(JSON) each; after createMany, close() storing the search index copy took ` +
        `${Math.round(median(closes))} ms (median); scenario ${Math.round((performance.now() - started) / 1000)} s`,
    );
    const count = `${CONTACTS / 1000}k contacts`;
    return [
      withBaseline(
        {
          name: `persist ${count}: contacts.createMany (median of ${RUNS})`,
          value: median(writes.tadamun),
          unit: 'ms',
          target: '≤ 1.0x',
        },
        'raw IndexedDB put() per row',
        median(writes.raw),
      ),
      withBaseline(
        {
          name: `load ${count} at start: openDataCore (median of ${RUNS})`,
          value: median(loads.tadamun),
          unit: 'ms',
          target: '≤ 1.0x',
        },
        'raw IndexedDB getAll()',
        median(loads.raw),
      ),
      withBaseline(
        {
          name: `persist ${count} encrypted: vault core createMany (median of ${RUNS})`,
          value: median(writes.encrypted),
          unit: 'ms',
          target: '≤ 1.0x',
        },
        'raw IndexedDB put() per row',
        median(writes.raw),
      ),
      {
        // Two derivations side by side (passphrase, duress slot), each in its own worker in
        // plain JS: the browser build's path. The app's own path is in the main process below.
        name: `unlock ${count}: key derivation, ${kdf} ×2 in workers (browser build)`,
        value: median(unlockKdf),
        unit: 'ms',
        range: rangeOf(unlockKdf),
        runs: RUNS,
      },
      withBaseline(
        {
          name: `unlock ${count}: the rest until search works (median of ${RUNS})`,
          value: median(unlockRest),
          unit: 'ms',
          target: '≤ 0.5x',
        },
        'raw IndexedDB getAll() of unencrypted rows',
        median(loads.raw),
      ),
      ...mainKdf,
    ];
  },
};
