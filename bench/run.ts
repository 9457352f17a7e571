/**
 * `npm run bench [-- --json FILE] [-- --only TEXT]`: runs the benchmark scenarios against the
 * built renderer in Debian's Chromium (and in Node where a scenario says so) and prints a table.
 * Never part of `npm test`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../test/helpers/chromium';
import { serveRenderer } from '../test/helpers/static-server';
import { campaignWorkspace } from './scenarios/campaign-workspace';
import { coalition } from './scenarios/coalition';
import { contacts } from './scenarios/contacts';
import { letters } from './scenarios/letters';
import { rendererColdLoad } from './scenarios/renderer-cold-load';
import { search } from './scenarios/search';
import { storage } from './scenarios/storage';
import type { BenchPage, BenchResult, BenchScenario } from './types';

const SCENARIOS: BenchScenario[] = [
  rendererColdLoad,
  search,
  storage,
  campaignWorkspace,
  contacts,
  letters,
  coalition,
];

async function openBenchPage(browser: Browser, url: string): Promise<BenchPage> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.tadamunBench !== undefined);
  const cdp = await context.newCDPSession(page);
  return {
    page,
    async usedHeapBytes() {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      return usedSize;
    },
    close: () => context.close(),
  };
}

function format(value: number | undefined, digits = 1): string {
  if (value === undefined) return '';
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(digits);
}

function printTable(results: readonly BenchResult[]): void {
  const range = (r?: readonly [number, number]) => (r ? ` (${format(r[0])}–${format(r[1])})` : '');
  const rows = results.map((r) => [
    r.runs ? `${r.name} [median of ${r.runs}]` : r.name,
    `${format(r.value)} ${r.unit}${range(r.range)}`,
    r.baseline
      ? `${r.baseline}: ${format(r.baselineValue)} ${r.unit}${range(r.baselineRange)}`
      : '',
    r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}x`,
    r.target ?? '',
  ]);
  const header = ['scenario', 'value (range)', 'baseline, same run (range)', 'ratio', 'target'];
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)),
  );
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const row of rows) console.log(line(row));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { json: { type: 'string' }, only: { type: 'string' } },
  });
  // Another build of the renderer (a copy of main's, to compare in one window) when given.
  const renderer = process.env['TADAMUN_BENCH_RENDERER_DIR'] ?? '../out/renderer';
  const server = await serveRenderer(path.resolve(import.meta.dirname, renderer));
  const benchServer = await serveRenderer(path.resolve(import.meta.dirname, '../out/bench'));
  let browser: Browser | undefined;
  const getBrowser = async () => (browser ??= await launchChromium());
  const results: BenchResult[] = [];
  try {
    for (const scenario of SCENARIOS) {
      if (values.only && !scenario.name.includes(values.only)) continue;
      console.error(`running: ${scenario.name}`);
      results.push(
        ...(await scenario.run({
          baseUrl: server.url,
          browser: getBrowser,
          benchPageUrl: benchServer.url,
          openBenchPage: async () => openBenchPage(await getBrowser(), benchServer.url),
        })),
      );
    }
  } finally {
    await browser?.close();
    await server.close();
    await benchServer.close();
  }
  printTable(results);
  if (values.json) writeFileSync(values.json, `${JSON.stringify(results, null, 2)}\n`);
}

void main();
