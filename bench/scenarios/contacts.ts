/**
 * The contact book at 100,000 contacts, in Chromium:
 * (a) a CSV of 100,000 rows imported end to end through the import wizard's code (worker:
 *     decode, parse, validate, dedupe; page: records built in slices, one commit into an
 *     encrypted workspace, search index updated) beside raw IndexedDB `put()` of the same
 *     stored objects, one row each, in the same page; and the longest main-thread task
 *     meanwhile (PerformanceObserver 'longtask');
 * (b) in the built app (out/renderer) unlocked on a workspace of 100,000 contacts: from a
 *     query put into the contacts search box to the list showing its result (the count line
 *     changed, then the next frame), timed in the page, median of ≥ 20 different queries;
 * (c) the longest main-thread task while the list is scrolled with the mouse wheel;
 * (d) memory of a 50 MB import: the browser's resident memory (VmRSS, /proc) while a file of
 *     200,000 synthetic contacts (the row limit, about 50 MB) is imported end to end, and while
 *     50 MB of one-letter rows (the hostile file of issue 17) is read until the row limit
 *     refuses it; the file's bytes are on the page before, as a picked file's are.
 * TADAMUN_BENCH_CONTACTS=5000 runs it smaller while developing; TADAMUN_BENCH_CONTACTS_PART
 * = import, list or memory runs one part.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchPersistent, recordPageErrors } from '../../test/helpers/chromium';
import { serveRenderer } from '../../test/helpers/static-server';
import { TEST_PASSPHRASE, unlockWorkspace } from '../../test/e2e/workspace';
import { generateQueries } from '../fixtures/search-queries';
import { generateContacts } from '../fixtures/synthetic-contacts';
import { contactsCsvBytes, shortRowsCsvBytes } from '../fixtures/contacts-csv';
import { answered } from './fresh-browser';
import { peakRss } from './process-memory';
import { median, withBaseline, type BenchResult, type BenchScenario } from '../types';

const QUERIES = 24;
const SCROLL_MS = 4000;

function sizeFromEnv(): number {
  const raw = process.env['TADAMUN_BENCH_CONTACTS'];
  const size = raw === undefined ? 100_000 : Number(raw);
  if (!Number.isInteger(size) || size < 1000) {
    throw new Error(`TADAMUN_BENCH_CONTACTS must be an integer ≥ 1000, not ${raw}`);
  }
  return size;
}

const count = (value: number) => value.toLocaleString('en-US');

/** Runs `work` in a fresh browser on a new profile on disk, removed afterwards. */
async function inFreshProfile<T>(what: string, work: (page: Page) => Promise<T>): Promise<T> {
  const profile = await mkdtemp(path.join(tmpdir(), 'tadamun-bench-contacts-'));
  const context = await launchPersistent(profile);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = recordPageErrors(page);
  try {
    return await work(page);
  } catch (error) {
    if (errors.length) console.error(`  contacts ${what}: page errors: ${errors.join('; ')}`);
    throw error;
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

/**
 * In the app page: puts `query` in the search box as one input event and resolves with the ms
 * until the count line left `before` (the deferred render committed) and a frame was painted.
 */
function timeQueryInPage({ query, before }: { query: string; before: string }): Promise<number> {
  const input = document.querySelector<HTMLInputElement>('[data-testid="contact-search"]');
  if (!input) throw new Error('no search box');
  const shown = () =>
    document.querySelector('[data-testid="contact-no-results"]') !== null ||
    (document.querySelector('[data-testid="contact-count"]')?.textContent ?? before) !== before;
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error(`no result for ${query}`)), 10_000);
    const observer = new MutationObserver(() => {
      if (!shown()) return;
      observer.disconnect();
      requestAnimationFrame(() =>
        setTimeout(() => {
          clearTimeout(timeout);
          resolve(performance.now() - started);
        }, 0),
      );
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    const started = performance.now();
    setValue?.call(input, query);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function clearSearch(page: Page, allShown: string): Promise<void> {
  await page.getByTestId('contact-search').fill('');
  await page.waitForFunction(
    (text) => document.querySelector('[data-testid="contact-count"]')?.textContent === text,
    allShown,
  );
}

/** Starts recording long tasks in the page; `stopLongTasks` returns the longest. */
const startLongTasks = (page: Page) =>
  page.evaluate(() => {
    const store = window as unknown as {
      benchLongTasks?: number[];
      benchObserver?: PerformanceObserver;
    };
    store.benchLongTasks = [];
    store.benchObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) store.benchLongTasks?.push(entry.duration);
    });
    store.benchObserver.observe({ type: 'longtask' });
  });

const stopLongTasks = (page: Page) =>
  page.evaluate(() => {
    const store = window as unknown as {
      benchLongTasks?: number[];
      benchObserver?: PerformanceObserver;
    };
    for (const entry of store.benchObserver?.takeRecords() ?? [])
      store.benchLongTasks?.push(entry.duration);
    store.benchObserver?.disconnect();
    const tasks = store.benchLongTasks ?? [];
    return { longest: Math.max(0, ...tasks), count: tasks.length };
  });

/**
 * With TADAMUN_BENCH_TRACE=file.json, records a Chrome trace (style, layout, paint, scripts)
 * of the queries and the scrolling, to open in the browser's Performance panel; returns the function that stops it.
 */
async function startTrace(
  page: Page,
  tracePath = process.env['TADAMUN_BENCH_TRACE'],
  extraCategories = '',
): Promise<(() => Promise<void>) | undefined> {
  if (!tracePath) return undefined;
  const cdp = await page.context().newCDPSession(page);
  const events: unknown[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  await cdp.send('Tracing.start', {
    categories: `devtools.timeline,disabled-by-default-devtools.timeline,blink,v8.execute${extraCategories}`,
    transferMode: 'ReportEvents',
  });
  return async () => {
    const done = new Promise<void>((resolve) =>
      cdp.once('Tracing.tracingComplete', () => resolve()),
    );
    await cdp.send('Tracing.end');
    await done;
    const { writeFile } = await import('node:fs/promises');
    await writeFile(tracePath, JSON.stringify({ traceEvents: events }));
  };
}

async function importScenario(size: number, benchPageUrl: string): Promise<BenchResult[]> {
  const result = answered(
    await inFreshProfile('import', async (page) => {
      await page.goto(benchPageUrl);
      await page.waitForFunction(() => window.tadamunBench !== undefined);
      // TADAMUN_BENCH_IMPORT_TRACE=file.json: a Chrome trace of the import with V8's sampling
      // profiler and collections, to take its long tasks apart.
      const stopTrace = await startTrace(
        page,
        process.env['TADAMUN_BENCH_IMPORT_TRACE'],
        ',blink.user_timing,disabled-by-default-v8.cpu_profiler,disabled-by-default-v8.gc',
      );
      const imported = await page.evaluate(
        (rows) => window.tadamunBench?.contacts.importCsv(rows),
        size,
      );
      await stopTrace?.();
      return imported;
    }),
  );
  if (result.imported !== size) throw new Error(`imported ${result.imported} of ${size} rows`);
  const { phases } = result;
  console.error(
    `  contacts: CSV of ${count(size)} rows, ${(result.csvBytes / 1e6).toFixed(1)} MB: read ` +
      `${Math.round(phases.readMs)} ms, check + dedupe ${Math.round(phases.checkMs)} ms, write + ` +
      `index ${Math.round(phases.writeMs)} ms; ${result.longTasks} long tasks; raw put() ` +
      `${Math.round(result.rawPutMs)} ms; longest tasks (ms, phase): ` +
      result.worstTasks.map((task) => `${task.ms} ${task.phase}`).join(', '),
  );
  return [
    withBaseline(
      {
        name: `import CSV of ${count(size)} rows, encrypted (parse, validate, dedupe, write, index)`,
        value: result.importMs,
        unit: 'ms',
        target: '≤ 2x',
      },
      'raw IndexedDB put() per row',
      result.rawPutMs,
    ),
    {
      name: `longest main-thread task during the import (+2 s after)`,
      value: result.longestTaskMs,
      unit: 'ms',
      target: '≤ 50 ms',
    },
  ];
}

async function listScenario(size: number): Promise<BenchResult[]> {
  const server = await serveRenderer(path.resolve(import.meta.dirname, '../../out/renderer'), {
    '/bench/': path.resolve(import.meta.dirname, '../../out/bench'),
  });
  try {
    return await inFreshProfile('list', async (page) => {
      // tsx keeps function names with a `__name` helper that the page does not have.
      await page.addInitScript({ content: 'window.__name = (f) => f;' });
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`${server.url}/bench/index.html`);
      await page.waitForFunction(() => window.tadamunBench !== undefined);
      console.error(`  contacts: seeding the app's workspace with ${count(size)} contacts`);
      const stored = await page.evaluate(
        ({ n, passphrase }) => window.tadamunBench?.contacts.seedAppWorkspace(n, passphrase),
        { n: size, passphrase: TEST_PASSPHRASE },
      );
      if (stored !== size) throw new Error(`seeded ${stored} of ${size} contacts`);
      await page.goto(`${server.url}/`);
      await unlockWorkspace(page);
      await page.goto(`${server.url}/#/contacts`);
      await page.getByTestId('contact-row').first().waitFor({ timeout: 60_000 });
      const allShown = (await page.getByTestId('contact-count').textContent()) ?? '';

      const queries = generateQueries(generateContacts(size), 11)
        .filter((query) => query.category !== 'typo' || query.text.length > 6)
        .slice(0, QUERIES);
      const profilePath = process.env['TADAMUN_BENCH_PROFILE'];
      const cdp = profilePath ? await page.context().newCDPSession(page) : undefined;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.start');
      }
      const trace = await startTrace(page);
      const times: number[] = [];
      for (const query of queries) {
        times.push(await page.evaluate(timeQueryInPage, { query: query.text, before: allShown }));
        await clearSearch(page, allShown);
      }
      if (cdp && profilePath) {
        const { profile } = await cdp.send('Profiler.stop');
        const { writeFile } = await import('node:fs/promises');
        await writeFile(profilePath, JSON.stringify(profile));
      }
      const sorted = [...times].sort((a, b) => a - b);
      console.error(
        `  contacts: query → list (ms): ${times.map((t) => t.toFixed(1)).join(', ')}; max ${sorted.at(-1)?.toFixed(1)}`,
      );

      const table = page.getByTestId('contact-table');
      const box = await table.boundingBox();
      if (!box) throw new Error('no contact table');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await startLongTasks(page);
      const scrollStart = Date.now();
      let wheels = 0;
      while (Date.now() - scrollStart < SCROLL_MS) {
        await page.mouse.wheel(0, wheels % 40 < 30 ? 600 : -900);
        wheels += 1;
        await page.waitForTimeout(16);
      }
      const scroll = await stopLongTasks(page);
      await trace?.();
      const scrolledTo = await table.evaluate((element) => element.scrollTop);
      console.error(
        `  contacts: scrolled ${wheels} wheel events over ${SCROLL_MS} ms (to ${Math.round(scrolledTo)} px); ` +
          `${scroll.count} long tasks`,
      );
      if (scrolledTo <= 0) throw new Error('the list did not scroll');
      return [
        {
          name: `contacts list, ${count(size)} contacts: query → rendered list (median of ${times.length} queries)`,
          value: median(times),
          unit: 'ms',
          target: '≤ 50 ms',
        },
        {
          name: `contacts list, ${count(size)} contacts: longest task while wheel-scrolling ${SCROLL_MS / 1000} s`,
          value: scroll.longest,
          unit: 'ms',
          target: '≤ 50 ms',
        },
      ];
    });
  } finally {
    await server.close();
  }
}

const MB = 1024 * 1024;
const LARGE_FILE_ROWS = 200_000;
const SHORT_ROWS_BYTES = 50 * 1000 * 1000;

/** The page's origin serves out/bench: the files of case (d) are written there. */
const BENCH_OUT = path.resolve(import.meta.dirname, '../../out/bench');

/**
 * The page's JavaScript heap (V8's used and total size, `Runtime.getHeapUsage`) every 100 ms
 * until `stop`: [Date.now(), used, total, Blink's heap, ArrayBuffers] each. Tells the heap's
 * share of the resident set.
 */
async function sampleHeap(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const samples: [number, number, number, number, number][] = [];
  let asking = false;
  const timer = setInterval(() => {
    if (asking) return;
    asking = true;
    cdp
      .send('Runtime.getHeapUsage')
      .then((usage) => {
        // Newer protocols add Blink's own heap and ArrayBuffers' memory.
        const { usedSize, totalSize } = usage;
        const extra = usage as { embedderHeapUsedSize?: number; backingStorageSize?: number };
        samples.push([
          Date.now(),
          usedSize,
          totalSize,
          extra.embedderHeapUsedSize ?? 0,
          extra.backingStorageSize ?? 0,
        ]);
      })
      .catch(() => {})
      .finally(() => (asking = false));
  }, 100);
  return {
    async stop() {
      clearInterval(timer);
      await cdp.detach().catch(() => {});
      return samples;
    },
  };
}

/**
 * TADAMUN_BENCH_MEMORY_TRACE=prefix: Chrome's memory-infra dumps every 250 ms (each process's
 * allocators: V8, PartitionAlloc's partitions, malloc, Blink's heap, blobs), to `prefix-<case>.json`.
 */
async function startMemoryDumps(page: Page, label: string) {
  const prefix = process.env['TADAMUN_BENCH_MEMORY_TRACE'];
  if (!prefix) return undefined;
  const cdp = await page.context().newCDPSession(page);
  const events: unknown[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  await cdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: ['disabled-by-default-memory-infra', 'blink.user_timing'],
      memoryDumpConfig: { triggers: [{ mode: 'light', periodicIntervalMs: 250 }] },
    },
    transferMode: 'ReportEvents',
  } as never);
  return async () => {
    const done = new Promise<void>((resolve) =>
      cdp.once('Tracing.tracingComplete', () => resolve()),
    );
    await cdp.send('Tracing.end');
    await done;
    const file = `${prefix}-${label.replace(/\W+/g, '-')}.json`;
    await writeFile(file, JSON.stringify({ traceEvents: events }));
  };
}

/** Case (d): one fresh browser per file, its memory sampled while the page imports it. */
async function memoryScenario(benchPageUrl: string): Promise<BenchResult[]> {
  const cases = [
    { label: `${count(LARGE_FILE_ROWS)} contacts`, make: () => contactsCsvBytes(LARGE_FILE_ROWS) },
    { label: 'one-letter rows', make: () => shortRowsCsvBytes(SHORT_ROWS_BYTES) },
  ];
  const results: BenchResult[] = [];
  for (const { label, make } of cases) {
    const file = path.join(BENCH_OUT, 'memory-case.csv');
    await writeFile(file, make());
    const measured = await inFreshProfile('memory', async (page) => {
      await page.goto(benchPageUrl);
      await page.waitForFunction(() => window.tadamunBench !== undefined);
      const bytes = await page.evaluate(
        (url) => window.tadamunBench?.contacts.prepareLargeCsv(url),
        `${benchPageUrl}/memory-case.csv`,
      );
      const heap = await sampleHeap(page);
      const stopDumps = await startMemoryDumps(page, label);
      const run = await peakRss(() =>
        page.evaluate(() => window.tadamunBench?.contacts.importLargeCsv()),
      );
      await stopDumps?.();
      return { bytes: bytes ?? 0, ...run, heap: await heap.stop(), value: answered(run.value) };
    }).finally(() => rm(file, { force: true }));
    const { outcome } = measured.value;
    const what =
      'imported' in outcome ? `${count(outcome.imported)} imported` : `refused: ${outcome.refused}`;
    const mb = (bytes: number) => `${Math.round(bytes / MB)} MB`;
    const {
      readAt = Infinity,
      checkedAt = Infinity,
      writingAt = Infinity,
      importedAt = Infinity,
      closedAt = Infinity,
    } = measured.value;
    // Builds without the mark: the whole commit counts as its store.
    const storedAt = measured.value.storedAt ?? importedAt;
    const [pageProcess, ...otherRenderers] = measured.byRenderer;
    const peakOf = (samples: [number, number][]) => (from: number, to: number) =>
      mb(Math.max(0, ...samples.flatMap(([t, rss]) => (t >= from && t < to ? rss : []))));
    const peakIn = peakOf(measured.rendererSamples);
    const pagePeakIn = peakOf(pageProcess?.samples ?? []);
    // The write: records arriving from the worker, then (`writingAt`) the one commit; after the
    // import resolves, the workspace closes (the search copy is saved then).
    const phases =
      `read ${peakIn(0, readAt)}, check ${peakIn(readAt, checkedAt)}, write ${peakIn(checkedAt, Infinity)}` +
      ` = records arriving ${peakIn(checkedAt, writingAt)}, commit ${peakIn(writingAt, importedAt)},` +
      ` closing ${peakIn(importedAt, Infinity)}`;
    const pagePhases =
      `read ${pagePeakIn(0, readAt)}, check ${pagePeakIn(readAt, checkedAt)}, records arriving ` +
      `${pagePeakIn(checkedAt, writingAt)}, commit ${pagePeakIn(writingAt, importedAt)} = store ` +
      `${pagePeakIn(writingAt, storedAt)}, memory + index ${pagePeakIn(storedAt, importedAt)}, ` +
      `closing ${pagePeakIn(importedAt, closedAt)}, after ${pagePeakIn(closedAt, Infinity)}`;
    const heapIn = (from: number, to: number) => {
      const inside = measured.heap.filter(([t]) => t >= from && t < to);
      const most = (at: 1 | 2 | 3 | 4) => mb(Math.max(0, ...inside.map((sample) => sample[at])));
      return `${most(1)} used of ${most(2)}, Blink ${most(3)}, ArrayBuffers ${most(4)}`;
    };
    const heapPhases =
      `records arriving ${heapIn(checkedAt, writingAt)}, store ${heapIn(writingAt, storedAt)}, ` +
      `memory + index ${heapIn(storedAt, importedAt)}, closing ${heapIn(importedAt, Infinity)}`;
    const timeline = process.env['TADAMUN_BENCH_MEMORY_TIMELINE'];
    if (timeline && pageProcess) {
      const marks = { readAt, checkedAt, writingAt, storedAt, importedAt, closedAt };
      const file = `${timeline}-${label.replace(/\W+/g, '-')}.json`;
      await writeFile(
        file,
        JSON.stringify({ marks, page: pageProcess.samples, heap: measured.heap }),
      );
    }
    const others = otherRenderers.map((one) => `${mb(one.before)} → ${mb(one.peak)}`).join(', ');
    console.error(
      `  contacts: ${(measured.bytes / MB).toFixed(1)} MB CSV of ${label}: ${what} in ` +
        `${Math.round(measured.value.ms)} ms; renderer processes together ${mb(measured.rendererBefore)} before, ` +
        `${mb(measured.rendererPeak)} at most (${phases}); the page's process ` +
        `${mb(pageProcess?.before ?? 0)} before, ${mb(pageProcess?.peak ?? 0)} at most (${pagePhases}); ` +
        `the other renderers ${others}; all browser processes grew ${mb(measured.growth)} at most; ` +
        `the page's JavaScript heap at most (${heapPhases})`,
    );
    const name = `peak memory of the page importing a ${(measured.bytes / MB).toFixed(0)} MB CSV of ${label} (${what})`;
    results.push(
      {
        name: `${name}: the page's renderer process, resident set`,
        value: (pageProcess?.peak ?? 0) / MB,
        unit: 'MB',
        target: '< 1 GB',
      },
      {
        name: `${name}: every renderer process, resident sets added`,
        value: measured.rendererPeak / MB,
        unit: 'MB',
      },
    );
  }
  return results;
}

export const contacts: BenchScenario = {
  name: 'contacts',
  async run({ benchPageUrl }) {
    const size = sizeFromEnv();
    const only = process.env['TADAMUN_BENCH_CONTACTS_PART'];
    const results: BenchResult[] = [];
    if (!only || only === 'import') results.push(...(await importScenario(size, benchPageUrl)));
    if (!only || only === 'list') results.push(...(await listScenario(size)));
    if (!only || only === 'memory') results.push(...(await memoryScenario(benchPageUrl)));
    return results;
  },
};
