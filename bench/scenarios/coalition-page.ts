/**
 * The coalition benchmark in the app: the built renderer in Chromium sets up a workspace, joins
 * the coalition as a new member (its requests through main's fetcher, as in the e2e tests) and
 * receives the shared campaign through its replica worker, the Dashboard open. Measured in the
 * page: the longest main-thread task ('longtask' entries) and the time from the join until the
 * Dashboard counts every record. TADAMUN_BENCH_COALITION_PROFILE=1 prints what ran in them;
 * TADAMUN_BENCH_COALITION_PUTS=1 how long the IndexedDB puts held the page (idb-put-times.ts).
 */
import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { hostCoalitionFetch } from '../../test/helpers/coalition-fetch-host';
import { recordPageErrors } from '../../test/helpers/chromium';
import { setUpWorkspace } from '../../test/e2e/workspace';
import { longRunsSummary, type CpuProfile } from './cpu-profile';
import { installPutTimes, putTimesSummary } from './idb-put-times';
import { longTasksOfTrace, threadCpuOfTrace, TRACE_CATEGORIES } from './long-task-trace';

export interface ExpectedCounts {
  contacts: number;
  targets: number;
  interactions: number;
}

export interface PageReceive {
  /** From "Join" to the Dashboard counting every record. */
  ms: number;
  longestTaskMs: number;
  /** Main-thread tasks of 50 ms or more meanwhile. */
  longTasks: number;
}

interface BenchWindow {
  benchLongTasks: [start: number, duration: number][];
  benchDoneAt?: number;
}

/** Installed before the app loads: every long task, with when it started. */
function recordLongTasks(): void {
  const store = window as unknown as BenchWindow;
  store.benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      store.benchLongTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
}

/** Notes when the Dashboard's counts reach `expected` (they follow every commit). */
function watchCounts(expected: ExpectedCounts): void {
  const store = window as unknown as BenchWindow;
  const reached = () =>
    Object.entries(expected).every(
      ([table, count]) =>
        document
          .querySelector(`[data-testid="count-${table}"] [data-count]`)
          ?.getAttribute('data-count') === String(count),
    );
  const observer = new MutationObserver(() => {
    if (!reached()) return;
    store.benchDoneAt = performance.now();
    observer.disconnect();
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true });
}

async function join(page: Page, text: string, passphrase: string): Promise<number> {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('coalition-join-open').click();
  const form = page.getByTestId('coalition-join');
  await form.getByTestId('coalition-join-text').fill(text);
  await form.getByTestId('coalition-join-passphrase').fill(passphrase);
  const start = await page.evaluate(() => performance.now());
  await form.getByTestId('coalition-join-submit').click();
  await page.getByTestId('coalition-card').waitFor({ timeout: 120_000 });
  return start;
}

/** Waits for the counts, saying every 15 s how far the receive has come. */
async function untilDone(page: Page, start: number): Promise<void> {
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    const done = await page
      .waitForFunction(
        () => (window as unknown as BenchWindow).benchDoneAt !== undefined,
        undefined,
        {
          timeout: 15_000,
          polling: 500,
        },
      )
      .then(
        () => true,
        () => false,
      );
    if (done) return;
    const { counts, card, at } = await page.evaluate(() => ({
      counts: [...document.querySelectorAll('[data-testid^="count-"] [data-count]')].map((node) =>
        node.getAttribute('data-count'),
      ),
      card: document.querySelector('[data-testid="coalition-status"]')?.textContent ?? '',
      at: performance.now(),
    }));
    console.error(
      `  coalition (page): after ${Math.round((at - start) / 1000)} s counts ${counts.join('/')} ${card}`,
    );
    if (Date.now() > deadline)
      throw new Error('the app did not receive the campaign in 15 minutes');
  }
}

export interface RawRemote {
  url: string;
  database: string;
  username: string;
  password: string;
}

/**
 * The baseline in the same Chromium: raw PouchDB (IndexedDB, in a worker, batches of the app's
 * size) replicating the unencrypted records, its requests through the same host as the app's.
 * Returns the replication's time measured in the worker.
 */
export async function rawReceiveInPage(
  browser: Browser,
  benchPageUrl: string,
  remote: RawRemote,
  expected: number,
): Promise<number> {
  const context = await browser.newContext();
  try {
    await hostCoalitionFetch(context);
    await context.addInitScript({ content: 'window.__name = (f) => f;' });
    // Failures reject the evaluation (the bench page has no favicon: its 404 is no error).
    const page = await context.newPage();
    await page.goto(benchPageUrl);
    await page.waitForFunction(() => window.tadamunBench !== undefined);
    const tracing =
      process.env['TADAMUN_BENCH_COALITION_TRACE'] === '1' ||
      process.env['TADAMUN_BENCH_COALITION_TRACE'] === 'samples';
    if (tracing) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    const received = await page.evaluate(
      (raw) => window.tadamunBench?.coalition.rawReceive(raw),
      remote,
    );
    if (tracing)
      console.error(`  ${remote.database}: ${threadCpuOfTrace(await browser.stopTracing())}`);
    if (!received) throw new Error('the bench page has no coalition functions');
    const { ms, docCount } = received;
    if (docCount !== expected)
      throw new Error(`raw PouchDB in Chromium holds ${docCount} documents`);
    return ms;
  } finally {
    await context.close();
  }
}

let profilesWritten = 0;
let tracesWritten = 0;

export async function receiveInPage(
  browser: Browser,
  baseUrl: string,
  invitation: { text: string; passphrase: string },
  expected: ExpectedCounts,
): Promise<PageReceive> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await hostCoalitionFetch(context);
    // tsx keeps function names with a `__name` helper that the page does not have.
    await context.addInitScript({ content: 'window.__name = (f) => f;' });
    await context.addInitScript(recordLongTasks);
    const timingPuts = process.env['TADAMUN_BENCH_COALITION_PUTS'] === '1';
    if (timingPuts) await installPutTimes(context);
    const page = await context.newPage();
    const errors = recordPageErrors(page);
    await page.goto(`${baseUrl}/`);
    await setUpWorkspace(page);
    const profiling = process.env['TADAMUN_BENCH_COALITION_PROFILE'] === '1';
    const cdp = profiling ? await context.newCDPSession(page) : undefined;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
    }
    // `=samples` adds V8's sampling profiler and collections: what ran in each long task.
    const traceMode = process.env['TADAMUN_BENCH_COALITION_TRACE'];
    const tracing = traceMode === '1' || traceMode === 'samples';
    if (tracing)
      await browser.startTracing(page, {
        categories:
          traceMode === 'samples'
            ? [
                ...TRACE_CATEGORIES,
                'disabled-by-default-v8.cpu_profiler',
                'disabled-by-default-v8.gc',
              ]
            : TRACE_CATEGORIES,
      });
    const start = await join(page, invitation.text, invitation.passphrase);
    await page.getByTestId('nav-dashboard').click();
    await page.evaluate(watchCounts, expected);
    await untilDone(page, start);
    const { doneAt, tasks } = await page.evaluate(() => {
      const store = window as unknown as BenchWindow;
      return { doneAt: store.benchDoneAt ?? 0, tasks: store.benchLongTasks };
    });
    if (cdp) {
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
      console.error(longRunsSummary(profile));
      // The whole profile too, for a look beyond the long runs (e.g. /tmp/page → /tmp/page-1.cpuprofile).
      const file = process.env['TADAMUN_BENCH_COALITION_PROFILE_FILE'];
      if (file) writeFileSync(`${file}-${++profilesWritten}.cpuprofile`, JSON.stringify(profile));
    }
    if (tracing) {
      const trace = await browser.stopTracing();
      const traceFile = process.env['TADAMUN_BENCH_COALITION_TRACE_FILE'];
      if (traceFile) writeFileSync(`${traceFile}-${++tracesWritten}.json`, trace);
      console.error(longTasksOfTrace(trace));
      console.error(threadCpuOfTrace(trace));
    }
    if (timingPuts) console.error(await putTimesSummary(page, start));
    if (errors.length) throw new Error(`the page logged errors: ${errors.join('; ')}`);
    const during = tasks.filter(([at]) => at >= start && at <= doneAt).map(([, ms]) => ms);
    console.error(
      `  coalition (page): long tasks during the receive (ms): ${during.map(Math.round).join(', ') || 'none'}`,
    );
    return { ms: doneAt - start, longestTaskMs: Math.max(0, ...during), longTasks: during.length };
  } finally {
    await context.close();
  }
}
