/**
 * Counts in the Arabic UI with their plural forms, on the demo workspace: the targets tab,
 * the Add-targets drawer (Latin names isolated in Arabic rows), the generate dialog, the
 * contacts list, its filters and export, the directory, the Dashboard and the security settings.
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

  it('the contacts list, its filters and the export scopes', async () => {
    await page.goto(`${baseUrl}/#/contacts`);
    const count = page.getByTestId('contact-count');
    await count.waitFor();
    expect(await count.innerText()).toMatch(
      /^تُعرض [٠-٩]+ من ([٠-٩]+ (جهات اتصال|جهة اتصال)|جهة اتصال واحدة|جهتي اتصال)$/,
    );
    await shot('contacts-ar');
    await page.getByTestId('filter-open').click();
    const done = page.getByTestId('filter-done');
    await done.waitFor();
    expect(await done.innerText()).toMatch(
      /^عرض ([٠-٩]+ (جهات اتصال|جهة اتصال)|جهة اتصال واحدة|جهتي اتصال)$/,
    );
    await shot('contacts-filters-ar');
    await done.click();
    await page.getByTestId('contacts-export').click();
    const all = page.getByTestId('export-scope-all');
    await all.waitFor();
    expect(await page.getByTestId('export-dialog').innerText()).toMatch(
      /جهات الاتصال الـ[٠-٩]+ كلها|كل جهات الاتصال \([٠-٩]+ جهة اتصال\)|جهة الاتصال الوحيدة|جهتا الاتصال كلتاهما/,
    );
    await shot('export-ar');
    await page.keyboard.press('Escape');
  });

  it('the directory: the Add button for one legislator, and the snapshot date', async () => {
    await page.getByTestId('contacts-directory').click();
    const dialog = page.getByTestId('directory-dialog');
    await dialog.getByTestId('directory-row').first().waitFor();
    // The date line (the hint below it names CC0).
    const [dated = ''] = (await dialog.getByTestId('directory-snapshot').innerText()).split('\n');
    expect(dated).toMatch(/^الكونغرس الأمريكي بتاريخ .*٢٠٢٦/);
    expect(dated).not.toMatch(/[0-9]/);
    await dialog.getByTestId('directory-search').fill('sanders');
    await expect.poll(() => dialog.getByTestId('directory-row').count()).toBe(1);
    await dialog.getByTestId('directory-select-all').check();
    expect(await dialog.getByTestId('directory-add').innerText()).toBe('أضف مشرّعًا واحدًا');
    await shot('directory-ar');
    await page.keyboard.press('Escape');
  });

  it('the Dashboard: whip summaries and the outreach chart', async () => {
    await page.goto(`${baseUrl}/#/dashboard`);
    const campaigns = page.getByTestId('dashboard-campaigns');
    await campaigns.waitFor();
    expect(await campaigns.innerText()).toMatch(
      /من أصل ([٠-٩]+ (مستهدفين|مستهدفًا|مستهدف)|مستهدف واحد|مستهدفَين)/,
    );
    // One chart per active campaign: the first.
    const chart = page.getByTestId('outreach-chart').first().locator('[role="img"]');
    expect(await chart.getAttribute('aria-label')).toMatch(
      /^عدد التواصلات في الأسبوع (خلال آخر ([٠-٩]+ (أسابيع|أسبوعًا|أسبوع)|أسبوعين)|الأخير)$/,
    );
    await shot('dashboard-ar');
  });

  it('the security settings: minutes and seconds in their Arabic forms', async () => {
    await page.goto(`${baseUrl}/#/settings`);
    const autoLock = page.getByTestId('auto-lock-switch');
    await autoLock.waitFor();
    const minutes = await autoLock.innerText();
    for (const label of ['دقيقة واحدة', '٥ دقائق', '١٥ دقيقة', '٣٠ دقيقة', 'ساعة واحدة'])
      expect(minutes).toContain(label);
    const seconds = await page.getByTestId('clipboard-clear-switch').innerText();
    for (const label of ['١٥ ثانية', '٣٠ ثانية', 'دقيقة واحدة', 'دقيقتان'])
      expect(seconds).toContain(label);
    await autoLock.scrollIntoViewIfNeeded();
    await shot('settings-security-ar');
  });
});
