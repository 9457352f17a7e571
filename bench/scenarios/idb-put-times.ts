/**
 * How long the page's IndexedDB `put` and `add` calls hold it (their synchronous part), by the
 * size of the row's sealed bytes. Chromium hands a value over 64 KiB to the browser process
 * as a blob before `put` returns; on a busy machine one such call of a 768 KB chunk row held
 * the page 127 ms, a long task of its own (docs/benchmarks.md, "Issue 20, eighth session").
 * A development aid for the benchmarks: installed only when asked
 * (TADAMUN_BENCH_COALITION_PUTS=1), printed, not a figure.
 */
import type { BrowserContext, Page } from 'playwright-core';

type PutTime = [startedAt: number, ms: number, sealedBytes: number];

interface PutWindow {
  benchPutTimes: PutTime[];
}

/** Installed before the app loads: wraps the object stores' `put` and `add`. */
function recordPutTimes(): void {
  const store = window as unknown as PutWindow;
  store.benchPutTimes = [];
  for (const method of ['put', 'add'] as const) {
    const original = IDBObjectStore.prototype[method] as (...args: unknown[]) => IDBRequest;
    IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: unknown[]) {
      const started = performance.now();
      const request = original.apply(this, args);
      const value = args[0] as { sealed?: { data?: Uint8Array } } | undefined;
      const bytes = value?.sealed?.data?.byteLength ?? 0;
      store.benchPutTimes.push([started, performance.now() - started, bytes]);
      return request;
    };
  }
}

export async function installPutTimes(context: BrowserContext): Promise<void> {
  await context.addInitScript(recordPutTimes);
}

/** One line: the calls since `since`, those of rows over 64 KiB apart, and the longest. */
export async function putTimesSummary(page: Page, since: number): Promise<string> {
  const times = await page.evaluate(() => (window as unknown as PutWindow).benchPutTimes);
  const during = times.filter(([at]) => at >= since);
  const large = during.filter(([, , bytes]) => bytes > 64 * 1024);
  const ms = (list: PutTime[]) => Math.round(list.reduce((sum, [, took]) => sum + took, 0));
  const kb = Math.round(large.reduce((sum, [, , bytes]) => sum + bytes, 0) / 1024);
  const longest = [...during]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([, took, bytes]) => `${took.toFixed(1)} ms (${Math.round(bytes / 1024)} KB)`);
  return (
    `  coalition (page): IndexedDB puts ${during.length}, ${ms(during)} ms in all; ` +
    `rows over 64 KiB ${large.length}, ${kb} KB, ${ms(large)} ms; longest ${longest.join(', ')}`
  );
}
