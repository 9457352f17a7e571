import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { artifactPath } from '../helpers/artifacts';
import {
  launchChromium,
  recordPageErrors,
  recordRequests,
  requestsOutside,
} from '../helpers/chromium';
import { setUpWorkspace, unlockWorkspace } from './workspace';

const baseUrl = inject('baseUrl');
const AREAS = [
  ['dashboard', 'Dashboard', 'لوحة المتابعة'],
  ['campaigns', 'Campaigns', 'الحملات'],
  ['contacts', 'Contacts', 'جهات الاتصال'],
  ['templates', 'Templates', 'القوالب'],
  ['letters', 'Letters', 'الرسائل'],
  ['settings', 'Settings', 'الإعدادات'],
] as const;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let requests: string[];
let pageErrors: string[];

async function documentDirection(): Promise<{ dir: string; lang: string }> {
  return page.evaluate(() => ({
    dir: document.documentElement.dir,
    lang: document.documentElement.lang,
  }));
}

async function pageTitle(): Promise<string> {
  return page.getByTestId('page-title').innerText();
}

async function navbarSide(): Promise<'left' | 'right'> {
  const box = await page.locator('nav').first().boundingBox();
  if (!box) throw new Error('navigation is not visible');
  const width = page.viewportSize()?.width ?? 0;
  return box.x + box.width / 2 < width / 2 ? 'left' : 'right';
}

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({
    locale: 'en-US',
    colorScheme: 'light',
    viewport: { width: 1280, height: 800 },
  });
  requests = recordRequests(context);
  page = await context.newPage();
  pageErrors = recordPageErrors(page);
});

afterAll(async () => {
  await browser?.close();
});

describe('app shell', () => {
  it('opens on the dashboard in English, left to right, once the workspace is set up', async () => {
    await page.goto(baseUrl);
    await setUpWorkspace(page);
    await page.waitForURL(/#\/dashboard$/);
    expect(await pageTitle()).toBe('Dashboard');
    expect(await documentDirection()).toEqual({ dir: 'ltr', lang: 'en' });
    expect(await navbarSide()).toBe('left');
    await page.screenshot({ path: artifactPath('shell-dashboard-en.png') });
  });

  it('navigates to every area from the sidebar', async () => {
    for (const [route, english] of AREAS) {
      await page.getByTestId(`nav-${route}`).click();
      await page.waitForURL(new RegExp(`#/${route}$`));
      await expect.poll(pageTitle).toBe(english);
      await expect
        .poll(() => page.getByTestId(`nav-${route}`).getAttribute('data-active'))
        .toBe('true');
    }
  });

  it('switches to Arabic: RTL document, Arabic labels, mirrored navigation', async () => {
    await page.getByTestId('nav-settings').click();
    await page.screenshot({ path: artifactPath('shell-settings-en.png') });
    await page.getByTestId('language-switch').getByText('العربية').click();
    await expect.poll(documentDirection).toEqual({ dir: 'rtl', lang: 'ar' });
    await expect.poll(pageTitle).toBe('الإعدادات');
    for (const [route, , arabic] of AREAS) {
      expect(await page.getByTestId(`nav-${route}`).innerText()).toBe(arabic);
    }
    expect(await navbarSide()).toBe('right');
    await page.screenshot({ path: artifactPath('shell-settings-ar.png') });
  });

  it('keeps Arabic after a reload', async () => {
    await page.reload();
    await page.getByTestId('lock-screen').waitFor();
    expect(await documentDirection()).toEqual({ dir: 'rtl', lang: 'ar' });
    expect(await page.getByTestId('gate-title').innerText()).toBe('تضامن مقفل');
    await unlockWorkspace(page);
    expect(await documentDirection()).toEqual({ dir: 'rtl', lang: 'ar' });
    expect(await pageTitle()).toBe('الإعدادات');
    await page.getByTestId('nav-dashboard').click();
    await expect.poll(pageTitle).toBe('لوحة المتابعة');
    expect(await navbarSide()).toBe('right');
    await page.screenshot({ path: artifactPath('shell-dashboard-ar.png') });
  });

  it('follows a dark OS theme', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset['mantineColorScheme']))
      .toBe('dark');
    await page.screenshot({ path: artifactPath('shell-dashboard-ar-dark.png') });
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-switch').getByText('English').click();
    await expect.poll(documentDirection).toEqual({ dir: 'ltr', lang: 'en' });
    await page.getByTestId('nav-dashboard').click();
    await page.screenshot({ path: artifactPath('shell-dashboard-en-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('renders text in the bundled fonts, loaded from the app itself', async () => {
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family);
    });
    expect(fonts.map((family) => family.replace(/"/g, ''))).toContain('Noto Sans');
  });

  it('made no request outside 127.0.0.1 and broke no CSP rule', () => {
    expect(requests.length).toBeGreaterThan(5);
    expect(requestsOutside(requests, baseUrl)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

describe('first start', () => {
  it('opens in Arabic when the system prefers Arabic', async () => {
    const arabicContext = await browser.newContext({ locale: 'ar-EG' });
    const arabicPage = await arabicContext.newPage();
    await arabicPage.goto(baseUrl);
    await arabicPage.getByTestId('setup-screen').waitFor();
    expect(await arabicPage.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await arabicPage.getByTestId('gate-title').innerText()).toBe('احمِ مساحة عملك');
    await setUpWorkspace(arabicPage);
    expect(await arabicPage.getByTestId('page-title').innerText()).toBe('لوحة المتابعة');
    await arabicContext.close();
  });
});
