/**
 * Renderer cold load in Chromium: a fresh browser context (no cache) opens the app; first
 * contentful paint and the moment its first screen (the passphrase setup of a new install)
 * is on screen, median of 10, beside a blank page served the same way; the scripts it fetched
 * by then, and the sizes of the built chunks.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { median, withBaseline, type BenchScenario } from '../types';
import { chunkResults, chunkSizes } from './renderer-chunks';

const RUNS = 10;

async function firstContentfulPaint(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list, observer) => {
          const fcp = list.getEntriesByName('first-contentful-paint')[0];
          if (fcp) {
            observer.disconnect();
            resolve(fcp.startTime);
          }
        }).observe({ type: 'paint', buffered: true });
      }),
  );
}

/** Script bytes the page has fetched so far (same origin: sizes are visible). */
function scriptsFetchedKb(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.endsWith('.js'))
        .reduce((sum, entry) => sum + (entry as PerformanceResourceTiming).decodedBodySize, 0) /
      1000,
  );
}

export const rendererColdLoad: BenchScenario = {
  name: 'renderer cold load',
  async run({ baseUrl, browser }) {
    const chromium = await browser();
    const app = { fcp: [] as number[], ready: [] as number[] };
    const blank: number[] = [];
    const scriptKb: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const context = await chromium.newContext({ locale: 'en-US' });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/favicon.svg`);
      blank.push(await firstContentfulPaint(page));
      await page.goto(baseUrl);
      await page.getByTestId('setup-screen').waitFor();
      app.ready.push(await page.evaluate(() => performance.now()));
      scriptKb.push(await scriptsFetchedKb(page));
      app.fcp.push(await firstContentfulPaint(page));
      await context.close();
    }
    const blankFcp = median(blank);
    return [
      withBaseline(
        {
          name: 'renderer first contentful paint (median of 10)',
          value: median(app.fcp),
          unit: 'ms',
        },
        'static SVG first paint',
        blankFcp,
      ),
      withBaseline(
        {
          name: 'renderer first screen ready (median of 10)',
          value: median(app.ready),
          unit: 'ms',
          target: '≤ 1,000 ms',
        },
        'static SVG first paint',
        blankFcp,
      ),
      { name: 'renderer scripts fetched by the first screen', value: median(scriptKb), unit: 'kB' },
      ...chunkResults(chunkSizes(path.resolve(import.meta.dirname, '../../out/renderer'))),
    ];
  },
};
