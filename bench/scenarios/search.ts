/**
 * Contact search in Chromium over 100,000 synthetic contacts (Arabic, Latin and
 * transliterated names, organisations, titles, tags, notes, e-mail addresses) with 200
 * queries (prefixes, Arabic and Latin spelling variants, one-typo names): latency, recall of
 * the intended contact in the top 20, index memory, and time until search works (building
 * from the contacts, or loading a serialized index). Beside each figure, MiniSearch 7.2 on
 * the same data and queries in the same run, with the same normalization and rules.
 *
 * Each build and each load runs in a fresh browser context (own renderer process). Latency:
 * one warm-up pass, then 3 timed passes; p50/p95/max per pass, median over passes and runs.
 * Memory: page heap after two full GCs (CDP), with the index minus without it.
 */
import type { QueryCategory } from '../fixtures/search-queries';
import type { QueryRun, SearchEngineName } from '../browser/search';
import {
  median,
  percentile,
  withBaseline,
  type BenchContext,
  type BenchResult,
  type BenchScenario,
} from '../types';

const CONTACTS = 100_000;
const RUNS = 3;
const PASSES = 3;
const FIRST_QUERY = 'فاطمة';
const MB = 1024 * 1024;

interface EngineFigures {
  p50: number[];
  p95: number[];
  max: number[];
  recall: Record<QueryCategory, number>;
  memoryMb: number[];
  buildMs: number[];
  loadMs: number[];
  loadedMemoryMb: number[];
  serializedMb: number;
  recallAfterLoad: Record<QueryCategory, number>;
}

function recallOf(found: QueryRun['found']): Record<QueryCategory, number> {
  const share = (category: QueryCategory) => {
    const queries = found.filter((query) => query.category === category);
    return (100 * queries.filter((query) => query.found).length) / Math.max(1, queries.length);
  };
  return { prefix: share('prefix'), variant: share('variant'), typo: share('typo') };
}

async function buildAndQuery(
  context: BenchContext,
  engine: SearchEngineName,
  figures: EngineFigures,
  keepSerialized: boolean,
): Promise<string | undefined> {
  const bench = await context.openBenchPage();
  try {
    const { page } = bench;
    await page.evaluate((count) => window.tadamunBench?.search.prepare(count), CONTACTS);
    const before = await bench.usedHeapBytes();
    const built = await page.evaluate((name) => window.tadamunBench?.search.build(name), engine);
    const after = await bench.usedHeapBytes();
    const run = await page.evaluate(
      (passes) => window.tadamunBench?.search.runQueries(passes),
      PASSES,
    );
    if (!built || !run) throw new Error('bench page did not answer');
    figures.buildMs.push(built.ms);
    figures.memoryMb.push((after - before) / MB);
    for (const times of run.latencies) {
      figures.p50.push(percentile(times, 0.5));
      figures.p95.push(percentile(times, 0.95));
      figures.max.push(Math.max(...times));
    }
    figures.recall = recallOf(run.found);
    if (!keepSerialized) return undefined;
    const json = await page.evaluate(() => window.tadamunBench?.search.serialize());
    if (json === undefined) throw new Error('bench page did not serialize');
    figures.serializedMb = json.length / MB;
    return json;
  } finally {
    await bench.close();
  }
}

async function loadAndCheck(
  context: BenchContext,
  engine: SearchEngineName,
  json: string,
  figures: EngineFigures,
  checkRecall: boolean,
): Promise<void> {
  const bench = await context.openBenchPage();
  try {
    const { page } = bench;
    const before = await bench.usedHeapBytes();
    const loaded = await page.evaluate(
      ([name, text, query]) => window.tadamunBench?.search.load(name, text, query),
      [engine, json, FIRST_QUERY] as const,
    );
    const after = await bench.usedHeapBytes();
    if (!loaded) throw new Error('bench page did not load the index');
    figures.loadMs.push(loaded.ms);
    figures.loadedMemoryMb.push((after - before) / MB);
    if (!checkRecall) return;
    await page.evaluate((count) => window.tadamunBench?.search.prepare(count), CONTACTS);
    const run = await page.evaluate(() => window.tadamunBench?.search.runQueries(1));
    if (!run) throw new Error('bench page did not answer');
    figures.recallAfterLoad = recallOf(run.found);
  } finally {
    await bench.close();
  }
}

function emptyFigures(): EngineFigures {
  const recall = { prefix: 0, variant: 0, typo: 0 };
  return {
    p50: [],
    p95: [],
    max: [],
    recall,
    memoryMb: [],
    buildMs: [],
    loadMs: [],
    loadedMemoryMb: [],
    serializedMb: 0,
    recallAfterLoad: recall,
  };
}

export const search: BenchScenario = {
  name: 'search',
  async run(context) {
    const engines: SearchEngineName[] = ['tadamun', 'minisearch'];
    const figures: Record<SearchEngineName, EngineFigures> = {
      tadamun: emptyFigures(),
      minisearch: emptyFigures(),
    };
    const serialized: Partial<Record<SearchEngineName, string>> = {};
    for (let run = 0; run < RUNS; run += 1) {
      // Alternate which engine goes first, so neither always meets a cold machine.
      for (const engine of run % 2 ? [...engines].reverse() : engines) {
        console.error(`  search: ${engine}, run ${run + 1} of ${RUNS}`);
        const json = await buildAndQuery(context, engine, figures[engine], run === 0);
        if (json !== undefined) serialized[engine] = json;
        const stored = serialized[engine];
        if (stored !== undefined) {
          await loadAndCheck(context, engine, stored, figures[engine], run === 0);
        }
      }
    }
    return report(figures.tadamun, figures.minisearch);
  },
};

function report(ours: EngineFigures, baseline: EngineFigures): BenchResult[] {
  const against = 'MiniSearch 7.2';
  const start = (f: EngineFigures) => Math.min(median(f.buildMs), median(f.loadMs));
  const row = (
    name: string,
    unit: string,
    value: (f: EngineFigures) => number,
    target?: string,
  ): BenchResult =>
    withBaseline(
      { name, unit, value: value(ours), ...(target ? { target } : {}) },
      against,
      value(baseline),
    );
  const rows = [
    row('search p50 (200 queries, 100k contacts)', 'ms', (f) => median(f.p50)),
    row('search p95', 'ms', (f) => median(f.p95), '≤ 8 ms'),
    row('search max', 'ms', (f) => median(f.max)),
    row('recall top 20: variants', '%', (f) => f.recall.variant, '100%'),
    row('recall top 20: typos', '%', (f) => f.recall.typo, '≥ 95%'),
    row('recall top 20: prefixes', '%', (f) => f.recall.prefix),
    row('index memory, 100k contacts (built)', 'MB', (f) => median(f.memoryMb), '≤ 40 MB'),
    row('index memory, 100k contacts (loaded)', 'MB', (f) => median(f.loadedMemoryMb), '≤ 40 MB'),
    row('build index from 100k contacts + 1st search', 'ms', (f) => median(f.buildMs)),
    row('load serialized index + 1st search', 'ms', (f) => median(f.loadMs)),
    row('time until search works (faster of the two)', 'ms', start, '≤ 1,000 ms'),
    row('serialized index (JSON text)', 'MB', (f) => f.serializedMb),
  ];
  const drift = (['prefix', 'variant', 'typo'] as const).filter(
    (category) => ours.recall[category] !== ours.recallAfterLoad[category],
  );
  if (drift.length > 0) {
    console.error(
      `  search: recall after load differs from recall after build: ${drift.join(', ')}`,
    );
  }
  return rows;
}
