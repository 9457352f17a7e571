/**
 * Renderer cold load in Chromium: a fresh browser context (no cache) opens the app; first
 * contentful paint and the moment its first screen (the passphrase setup of a new install)
 * is on screen, median of 10, beside a blank page served the same way.
 */
import type { Page } from 'playwright-core';
import { median, withBaseline, type BenchScenario } from '../types';

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

export const rendererColdLoad: BenchScenario = {
  name: 'renderer cold load',
  async run({ baseUrl, browser }) {
    const chromium = await browser();
    const app = { fcp: [] as number[], ready: [] as number[] };
    const blank: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const context = await chromium.newContext({ locale: 'en-US' });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/favicon.svg`);
      blank.push(await firstContentfulPaint(page));
      await page.goto(baseUrl);
      await page.getByTestId('setup-screen').waitFor();
      app.ready.push(await page.evaluate(() => performance.now()));
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
        },
        'static SVG first paint',
        blankFcp,
      ),
    ];
  },
};
