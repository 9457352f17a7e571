/**
 * The data core in Chromium's real IndexedDB (the engine Electron uses): records written
 * through the core API survive a reload and are found by Arabic searches spelled differently;
 * the app offers the demo workspace on an empty database, and its data survives a reload and
 * is searchable from the Contacts page in English and Arabic.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath } from '../helpers/artifacts';
import { useBrowserSession, type OpenedApp } from './browser-session';
import { setUpWorkspace, unlockWorkspace } from './workspace';

const session = useBrowserSession();
const { baseUrl } = session;
const newPage = (locale = 'en-US') => session.open({ locale, path: null });

async function openHarness(page: Page): Promise<void> {
  await page.goto(`${baseUrl}/harness/index.html`);
  await page.waitForFunction(() => window.tadamunCore !== undefined);
}

describe('the core API on real IndexedDB', () => {
  it('writes records, and after a reload finds them again, also by other Arabic spellings', async () => {
    const app = await newPage();
    const { page } = app;
    await openHarness(page);
    const created = await page.evaluate(async () => {
      const api = window.tadamunCore;
      if (!api) throw new Error('no harness');
      const core = await api.openDataCore({ name: 'e2e-core' });
      const org = await core.organizations.create({ name: 'جمعية حقوق الإنسان', kind: 'ngo' });
      const contacts = await core.contacts.createMany([
        {
          givenName: 'فاطِمَة',
          familyName: 'الزَّهْراء',
          organizationId: org.id,
          kind: 'ally',
          formOfAddress: 'feminine',
        },
        { displayName: 'إبراهيم مصطفى', kind: 'official', tags: ['لجنة الصحة'] },
        { givenName: 'Zoë', familyName: 'Béranger', kind: 'journalist' },
      ]);
      const campaign = await core.campaigns.create({ name: 'حملة الحق في الصحة', language: 'ar' });
      await core.targets.create({
        campaignId: campaign.id,
        contactId: contacts[1]?.id ?? '',
        stance: 'undecided',
      });
      await core.close();
      return contacts.map((contact) => contact.id);
    });
    expect(created).toHaveLength(3);

    await page.reload();
    await page.waitForFunction(() => window.tadamunCore !== undefined);
    const found = await page.evaluate(async () => {
      const api = window.tadamunCore;
      if (!api) throw new Error('no harness');
      const core = await api.openDataCore({ name: 'e2e-core' });
      const first = (query: string) => core.search.search(query)[0]?.contact.id ?? null;
      const result = {
        contacts: core.contacts.count(),
        targets: core.targets.count(),
        campaign: core.campaigns.all()[0]?.name,
        // Stored with tashkeel and ة; typed without, with ه and a tatweel.
        fatima: first('فاطمه الزهـراء'),
        // Stored with إ and ى; typed with ا and ي.
        ibrahim: first('ابراهيم مصطفي'),
        byTag: first('لجنه الصحه'),
        byOrganization: first('حقوق الانسان'),
        zoe: first('ZOE beranger'),
        typo: first('Berenger'),
        nothing: core.search.search('Nakamura').length,
      };
      await core.close();
      return result;
    });
    expect(found).toEqual({
      contacts: 3,
      targets: 1,
      campaign: 'حملة الحق في الصحة',
      fatima: created[0],
      ibrahim: created[1],
      byTag: created[1],
      byOrganization: created[0],
      zoe: created[2],
      typo: created[2],
      nothing: 0,
    });
    await session.close(app);
  });

  it('keeps no names in IndexedDB index keys: only ids, tables and chunk numbers', async () => {
    const app = await newPage();
    const { page } = app;
    await openHarness(page);
    const keys = await page.evaluate(async () => {
      const api = window.tadamunCore;
      if (!api) throw new Error('no harness');
      const core = await api.openDataCore({ name: 'e2e-keys' });
      await core.contacts.create({ givenName: 'سلمى', familyName: 'Secretname' });
      await core.close();
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('e2e-keys');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const all: string[] = [];
      for (const store of [...db.objectStoreNames]) {
        const transaction = db.transaction(store);
        const keysOf = transaction.objectStore(store).getAllKeys();
        await new Promise((resolve) => (keysOf.onsuccess = resolve));
        all.push(...keysOf.result.map((key) => JSON.stringify(key)));
      }
      db.close();
      return all;
    });
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join()).not.toMatch(/Secretname|سلمى|secretname/);
    await session.close(app);
  });
});

describe('the demo workspace in the app', () => {
  let app: OpenedApp;
  let page: Page;

  beforeAll(async () => {
    app = await newPage();
    page = app.page;
  });

  afterAll(async () => {
    await session.close(app);
  });

  async function count(table: string): Promise<number> {
    return Number(
      await page.getByTestId(`count-${table}`).locator('[data-count]').getAttribute('data-count'),
    );
  }

  it('is offered on an empty workspace and loads with one click', async () => {
    await page.goto(`${baseUrl}/#/dashboard`);
    await setUpWorkspace(page);
    await page.getByTestId('demo-offer').waitFor();
    await page.screenshot({ path: artifactPath('dashboard-empty-en.png'), fullPage: true });
    await page.getByTestId('demo-load').click();
    await page.getByTestId('count-contacts').waitFor();
    expect(await count('campaigns')).toBe(2);
    expect(await count('contacts')).toBeGreaterThanOrEqual(25);
    expect(await count('targets')).toBeGreaterThan(0);
    expect(await count('interactions')).toBeGreaterThan(0);
    expect(await count('templates')).toBeGreaterThan(0);
    expect(await page.getByTestId('demo-offer').count()).toBe(0);
  });

  it('survives a reload, and its contacts are found by Arabic and English searches', async () => {
    const before = await count('contacts');
    await page.reload();
    await unlockWorkspace(page);
    await page.getByTestId('count-contacts').waitFor();
    expect(await count('contacts')).toBe(before);
    await page.screenshot({ path: artifactPath('dashboard-demo-en.png'), fullPage: true });

    await page.goto(`${baseUrl}/#/contacts`);
    const rows = page.getByTestId('contact-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(before);
    const search = page.getByTestId('contact-search');
    // Stored as سلمى الخطيب: typed with ي for ى, a tatweel and a fatha.
    await search.fill('سَلمي الخطـيب');
    await expect.poll(() => rows.first().innerText()).toContain('سلمى الخطيب');
    await search.fill('Okafr');
    await expect.poll(() => rows.first().innerText()).toContain('Grace Okafor');
    await search.fill('Nakamura');
    await page.getByTestId('contact-no-results').waitFor();
    await search.fill('Khoury');
    await expect.poll(() => rows.first().innerText()).toContain('Samir Khoury');
    await page.screenshot({ path: artifactPath('contacts-search-en.png'), fullPage: true });
  });

  it('works in Arabic, right to left', async () => {
    await page.evaluate(() => localStorage.setItem('tadamun.uiLanguage', 'ar'));
    await page.goto(`${baseUrl}/#/dashboard`);
    await page.reload();
    await unlockWorkspace(page);
    await page.getByTestId('count-contacts').waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.getByTestId('count-contacts').innerText()).toContain('جهات الاتصال');
    await page.screenshot({ path: artifactPath('dashboard-demo-ar.png'), fullPage: true });
    await page.goto(`${baseUrl}/#/contacts`);
    const search = page.getByTestId('contact-search');
    await search.fill('كريم منصور');
    const rows = page.getByTestId('contact-row');
    await expect.poll(() => rows.first().innerText()).toContain('كريم منصور');
    expect(await page.getByTestId('contact-count').innerText()).toMatch(/تُعرض/);
    await page.screenshot({ path: artifactPath('contacts-search-ar.png'), fullPage: true });
  });
});
