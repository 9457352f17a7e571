/**
 * The Dashboard on the demo workspace: active campaigns with their progress (milestones,
 * targets by stance, outreach per week), what is due (a follow-up due today, marked done from
 * here), recent interactions; English and Arabic (the charts mirrored), light and dark.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifactPath } from '../helpers/artifacts';
import { useBrowserSession } from './browser-session';
import { loadDemoWorkspace, setUpWorkspace } from './workspace';

const session = useBrowserSession();

async function openDemoDashboard(locale: string, colorScheme: 'light' | 'dark') {
  const app = await session.open({ locale, colorScheme, path: '/#/dashboard' });
  await setUpWorkspace(app.page);
  await loadDemoWorkspace(app.page);
  await app.page.getByTestId('dashboard-campaign').nth(1).waitFor();
  // The charts size themselves to their card after the first layout.
  await app.page.waitForFunction(
    () =>
      document.querySelectorAll('[data-testid="outreach-chart"] .recharts-bar-rectangle').length >
      1,
  );
  return app;
}

/** Where the count axis stands and which way time runs, in the first chart. */
async function chartLayout(page: Page) {
  return page
    .getByTestId('outreach-chart')
    .first()
    .evaluate((figure) => {
      const xs = (selector: string) =>
        [...figure.querySelectorAll(selector)].map((node) => node.getBoundingClientRect());
      // Bars come in data order, oldest week first.
      const bars = xs('.recharts-bar-rectangle');
      const yTicks = xs('.recharts-yAxis-tick-labels text');
      const first = bars[0];
      const last = bars.at(-1);
      if (!first || !last || bars.length < 2 || yTicks.length === 0) {
        throw new Error('the chart has too few bars or no count axis');
      }
      const barsLeft = Math.min(...bars.map((bar) => bar.left));
      return {
        yAxisOnRight: Math.min(...yTicks.map((tick) => tick.left)) > barsLeft,
        timeRunsLeftToRight: first.left < last.left,
      };
    });
}

/** No tooltip from where the mouse happened to be. */
async function screenshot(page: Page, file: string) {
  await page.mouse.move(1, 1);
  await page.screenshot({ path: artifactPath(file), fullPage: true });
}

describe('the Dashboard', () => {
  it('shows active campaigns with progress and what is due, and marks a follow-up done (English, light)', async () => {
    const app = await openDemoDashboard('en-US', 'light');
    const { page } = app;
    const campaigns = page.getByTestId('dashboard-campaign');
    expect(await campaigns.count()).toBe(2);
    const english = campaigns.filter({ hasText: 'Eastbridge Fairness Ordinance' });
    expect(await english.getByTestId('dashboard-milestones').innerText()).toMatch(
      /Milestones done: 2 of 5/,
    );
    // Demo targets: 1 champion, 2 supportive, 2 undecided, 1 opposed, 1 hostile, 1 unknown.
    const sections = english.locator('[data-testid="stance-bar"] [data-stance]');
    const stanceCounts = await sections.evaluateAll((nodes) =>
      nodes.map((node) => `${node.getAttribute('data-stance')}:${node.getAttribute('data-count')}`),
    );
    expect(stanceCounts).toEqual([
      'champion:1',
      'supportive:2',
      'undecided:2',
      'opposed:1',
      'hostile:1',
      'unknown:1',
    ]);
    expect(await english.innerText()).toContain('3 for, 2 against, of 8 targets');
    const chart = english.getByTestId('outreach-chart');
    expect(Number(await chart.getAttribute('data-total'))).toBeGreaterThan(0);
    expect(await chartLayout(page)).toMatchObject({
      yAxisOnRight: false,
      timeRunsLeftToRight: true,
    });

    const due = page.getByTestId('dashboard-due-item');
    const dueToday = page.locator(
      '[data-testid="dashboard-due-item"][data-kind="follow-up"][data-due-today="true"]',
    );
    const todayBefore = await dueToday.count();
    expect(todayBefore).toBeGreaterThan(0);
    expect(
      await page.locator('[data-testid="dashboard-due-item"][data-overdue="true"]').count(),
    ).toBeGreaterThan(0);
    // Overdue first: no overdue item after one that is not.
    const overdueFlags = await due.evaluateAll((nodes) =>
      nodes.map((node) => node.getAttribute('data-overdue')),
    );
    expect(overdueFlags).toEqual([...overdueFlags].sort().reverse());
    // Something is due today: the once-a-day notification was asked for (a no-op in a browser),
    // and the day it was shown is kept sealed in the workspace, not in plain local storage.
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    const stored = () => page.evaluate(() => JSON.stringify({ ...localStorage }));
    await expect.poll(stored).not.toContain('dueNotifiedOn');
    expect(await stored()).not.toContain(today);
    expect(await page.getByTestId('dashboard-recent-item').count()).toBe(8);
    await screenshot(page, 'dashboard-en-light.png');

    const first = dueToday.first();
    const label = await first.innerText();
    await first.getByTestId('dashboard-due-done').click();
    await page.getByTestId('dashboard-due-outcome').waitFor();
    await expect.poll(() => dueToday.count()).toBe(todayBefore - 1);
    expect(await page.getByTestId('dashboard-due-outcome').innerText()).toMatch(/marked done/);
    expect(label).toMatch(/^Follow up with /);

    await english.getByRole('link', { name: 'Eastbridge Fairness Ordinance' }).click();
    await page.waitForURL(/#\/campaigns\/[0-9a-f-]{36}$/);
    await session.close(app);
  }, 90_000);

  it('is right to left in Arabic: mirrored chart, count axis on the right (Arabic, light)', async () => {
    const app = await openDemoDashboard('ar-LB', 'light');
    const { page } = app;
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.getByTestId('dashboard-campaigns').innerText()).toContain('الحملات النشطة');
    expect(await page.getByTestId('dashboard-due').innerText()).toContain('تابِع مع');
    expect(await chartLayout(page)).toMatchObject({
      yAxisOnRight: true,
      timeRunsLeftToRight: false,
    });
    await screenshot(page, 'dashboard-ar-light.png');
    await session.close(app);
  }, 90_000);

  it.each([
    ['en-US', 'dashboard-en-dark.png'],
    ['ar-LB', 'dashboard-ar-dark.png'],
  ])(
    'reads in the dark scheme (%s)',
    async (locale, file) => {
      const app = await openDemoDashboard(locale, 'dark');
      const { page } = app;
      expect(
        await page.evaluate(() =>
          document.documentElement.getAttribute('data-mantine-color-scheme'),
        ),
      ).toBe('dark');
      // The chart's colours come from the scheme: the grid lines are not the light theme's.
      const gridStroke = await page
        .locator('[data-testid="outreach-chart"] .recharts-cartesian-grid line')
        .first()
        .evaluate((line) => getComputedStyle(line).stroke);
      expect(gridStroke).not.toBe('rgb(222, 226, 230)');
      await screenshot(page, file);
      await session.close(app);
    },
    60_000,
  );
});
