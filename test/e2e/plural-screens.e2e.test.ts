/**
 * Counts in the Arabic UI with their plural forms, on the demo workspace: the targets tab,
 * the Add-targets drawer (Latin names isolated in Arabic rows) and the generate dialog.
 * With I17_SHOTS set to a folder, screenshots are saved there.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBrowserSession, type OpenedApp } from './browser-session';
import { loadDemoWorkspace, setUpWorkspace, unlockWorkspace } from './workspace';

const session = useBrowserSession();
const { baseUrl } = session;
const SHOTS = process.env.I17_SHOTS ?? '';

let app: OpenedApp;
let page: Page;

async function shot(name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

beforeAll(async () => {
  app = await session.open({ path: null });
  page = app.page;
  await page.goto(`${baseUrl}/#/dashboard`);
  await page.evaluate(() => localStorage.setItem('tadamun.uiLanguage', 'ar'));
  await setUpWorkspace(page);
  await page.reload();
  await unlockWorkspace(page);
  await loadDemoWorkspace(page);
}, 120_000);

afterAll(async () => {
  await session.close(app);
});

describe('plural forms in the Arabic UI', () => {
  it('targets: the count and the Add-targets drawer', async () => {
    await page.goto(`${baseUrl}/#/campaigns`);
    await page.getByTestId('campaign-link').first().click();
    await page.getByTestId('tab-targets').click();
    const count = page.getByTestId('targets-count');
    await count.waitFor();
    // "عرض ٥ من ٥ أهداف" (few) or "… هدفًا" (many): never a bare Latin digit.
    expect(await count.innerText()).toMatch(
      /^عرض [٠-٩]+ من ([٠-٩]+ (أهداف|هدفًا|هدف)|هدف واحد|هدفين)$/,
    );
    await shot('targets-ar');
    await page.keyboard.press('a');
    const drawer = page.getByTestId('add-targets-drawer');
    await drawer.getByTestId('add-targets-matching').waitFor();
    const matching = await drawer.getByTestId('add-targets-matching').innerText();
    expect(matching).toMatch(/جهة اتصال|جهات اتصال|جهتا اتصال/);
    expect(matching).not.toMatch(/[0-9]/);
    // A Latin name in an Arabic row sits in its own isolate.
    const names = drawer.getByTestId('add-targets-name');
    expect(await names.first().evaluate((element) => element.tagName)).toBe('BDI');
    await shot('add-targets-ar');
    await page.keyboard.press('Escape');
  });

  it('the generate dialog: "إنشاء … رسالة/رسائل" with the Arabic form of the count', async () => {
    await page.getByTestId('tab-letters').click();
    await page.getByTestId('campaign-generate-letters').click();
    const start = page.getByTestId('generate-start');
    await start.waitFor();
    await expect
      .poll(() => start.innerText())
      .toMatch(/^إنشاء (رسالة واحدة|رسالتين|[٠-٩]+ رسائل|[٠-٩]+ رسالة)$/);
    await shot('generate-ar');
    await start.scrollIntoViewIfNeeded();
    await shot('generate-ar-button');
  });
});
