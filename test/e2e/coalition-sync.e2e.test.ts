/**
 * Coalition sharing end to end in Chromium, in English and Arabic: three browser profiles (each
 * its own IndexedDB) against a CouchDB-compatible server on 127.0.0.1, reached only through the
 * harness's host (main's fetcher). A creates a coalition on the server, invites B and shares the
 * demo campaign; B joins and sees it; both change stances while the server is stopped (local
 * work goes on), and after it is back both show the same stances; C joins late and catches up.
 * The server's documents hold none of the strings the test typed or the campaign's name.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogues } from '@shared/i18n/catalogues';
import { artifactPath } from '../helpers/artifacts';
import { hostCoalitionFetch } from '../helpers/coalition-fetch-host';
import { startCouchServer, type CouchServer } from '../helpers/couch-server';
import { useBrowserSession, type OpenedApp } from './browser-session';
import { loadDemoWorkspace, setUpWorkspace } from './workspace';

const session = useBrowserSession();
let couch: CouchServer;
beforeAll(async () => {
  couch = await startCouchServer();
});
afterAll(() => couch?.stop());

const LATIN_MARKER = 'Quillfeather';
const ARABIC_MARKER = 'زيزفونة';

const CASES = [
  {
    language: 'en',
    locale: 'en-US',
    coalition: 'Harbor Coalition',
    demoCampaign: 'Eastbridge Fairness Ordinance',
  },
  {
    language: 'ar',
    locale: 'ar-EG',
    coalition: 'تحالف المرفأ',
    demoCampaign: 'الفحص الآمن والسري حقٌّ للجميع',
  },
] as const;

async function openProfile(locale: string): Promise<OpenedApp> {
  const app = await session.open({ locale, path: null });
  await hostCoalitionFetch(app.context);
  await app.page.goto(`${session.baseUrl}/`);
  await setUpWorkspace(app.page);
  return app;
}

async function go(page: Page, route: string): Promise<void> {
  await page.evaluate((hash) => {
    location.hash = hash;
  }, route);
}

async function openTargets(page: Page, campaign: string): Promise<void> {
  await page.getByTestId('nav-campaigns').click();
  await page
    .getByTestId('campaign-card')
    .filter({ hasText: campaign })
    .getByTestId('campaign-link')
    .click({ timeout: 30_000 });
  await page.getByTestId('tab-targets').click();
  await page.getByTestId('target-row').first().waitFor();
}

const stanceControl = (page: Page, label: string) =>
  page.locator(`[data-testid="stance-control"][aria-label="${label}"]`);

async function stances(page: Page): Promise<Record<string, string | null>> {
  const controls = page.getByTestId('stance-control');
  const found: Record<string, string | null> = {};
  for (let i = 0; i < (await controls.count()); i += 1) {
    const control = controls.nth(i);
    found[(await control.getAttribute('aria-label')) ?? `#${i}`] = await control
      .locator('input:checked')
      .getAttribute('value');
  }
  return found;
}

async function join(page: Page, text: string, passphrase: string): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('coalition-join-open').click();
  const form = page.getByTestId('coalition-join');
  await form.getByTestId('coalition-join-text').fill(text);
  await form.getByTestId('coalition-join-passphrase').fill(passphrase);
  await form.getByTestId('coalition-join-submit').click();
  await page.getByTestId('coalition-card').waitFor({ timeout: 30_000 });
}

async function invite(page: Page): Promise<{ text: string; passphrase: string }> {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('coalition-invite').first().click();
  await page.getByTestId('coalition-invite-submit').click();
  await page.getByTestId('coalition-invitation').waitFor({ timeout: 30_000 });
  const text = await page.getByTestId('coalition-invitation-text').inputValue();
  const passphrase = (await page.getByTestId('coalition-invitation-passphrase').innerText()).trim();
  await page.getByTestId('coalition-invitation-done').click();
  await page.getByTestId('coalition-invitation').waitFor({ state: 'detached' });
  return { text, passphrase };
}

async function serverText(database: string): Promise<string> {
  const response = await fetch(`${couch.url}/${database}/_all_docs?include_docs=true`);
  expect(response.ok).toBe(true);
  return response.text();
}

describe.each(CASES)('coalition sync in $language', (c) => {
  const t = catalogues[c.language].coalitions;
  const database = `harbor-${c.language}`;
  let a: OpenedApp;
  let b: OpenedApp;

  it('shares the demo campaign through the server; the member who joins sees it', async () => {
    await couch.createDatabase(database);
    a = await openProfile(c.locale);
    const page = a.page;
    await loadDemoWorkspace(page);
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('coalition-create-open').click();
    const form = page.getByTestId('coalition-create');
    await form.getByTestId('coalition-name').fill(c.coalition);
    await form.getByTestId('coalition-url').fill(couch.url);
    await form.getByTestId('coalition-database').fill(database);
    await form.getByTestId('coalition-username').fill('amal');
    await form.getByTestId('coalition-password').fill('pw-amal');
    await form.getByTestId('coalition-create-submit').click();
    await page.getByTestId('coalition-card').waitFor();
    const invitation = await invite(page);

    // Share the demo campaign: its contacts need code names first (the markers).
    await openTargets(page, c.demoCampaign);
    const campaignHash = new URL(page.url()).hash;
    await page.getByTestId('workspace-share').click();
    await page.getByTestId('share-campaign').waitFor();
    let fixed = 0;
    while ((await page.getByTestId('share-missing-code-names').count()) > 0) {
      expect(fixed).toBeLessThan(20);
      await page.getByTestId('share-set-code-name').first().click();
      await page.waitForURL(/#\/contacts\/[0-9a-f-]{36}\/edit$/);
      fixed += 1;
      const marker = fixed % 2 ? LATIN_MARKER : ARABIC_MARKER;
      await page.getByTestId('field-codeName').fill(`${marker} ${fixed}`);
      await page.getByTestId('contact-save').click();
      await page.waitForURL(/#\/contacts\/[0-9a-f-]{36}$/);
      await go(page, campaignHash);
      await page.getByTestId('workspace-share').click();
      await page.getByTestId('share-campaign').waitFor();
    }
    expect(fixed).toBeGreaterThan(1);
    await page.getByTestId('share-campaign').getByLabel(c.coalition, { exact: true }).check();
    await page.getByTestId('share-submit').click();
    await expect.poll(() => page.getByTestId('share-outcome').getAttribute('data-ok')).toBe('true');
    await page.keyboard.press('Escape');

    b = await openProfile(c.locale);
    await join(b.page, invitation.text, invitation.passphrase);
    await openTargets(b.page, c.demoCampaign);
    await expect.poll(() => stances(b.page), { timeout: 30_000 }).toEqual(await stances(page));
    await b.page.screenshot({ path: artifactPath(`coalition-sync-joined-${c.language}.png`) });
    // B's card counts and names the campaign it received; A's, the one it shares.
    await b.page.getByTestId('nav-settings').click();
    await expect
      .poll(() => b.page.getByTestId('coalition-received-count').textContent(), {
        timeout: 20_000,
      })
      .toMatch(new RegExp(`${t.status.receivedCampaigns}:\\s*[1١]`));
    expect(await b.page.getByTestId('coalition-received-campaigns').textContent()).toContain(
      c.demoCampaign,
    );
    expect(await b.page.getByTestId('coalition-shared-campaigns').count()).toBe(0);
    await openTargets(b.page, c.demoCampaign);

    await page.getByTestId('nav-settings').click();
    expect(await page.getByTestId('coalition-shared-campaigns').textContent()).toContain(
      c.demoCampaign,
    );
    expect(await page.getByTestId('coalition-received-count').textContent()).toMatch(
      new RegExp(`${t.status.receivedCampaigns}:\\s*[0٠]`),
    );
    await expect
      .poll(() => page.getByTestId('coalition-status').first().textContent(), { timeout: 20_000 })
      .toContain(t.status.syncedAt.replace(/\{\{.*$/, '').trim());
    const stored = await serverText(database);
    expect(stored).toContain('"rows"');
    for (const marker of [LATIN_MARKER, ARABIC_MARKER, c.demoCampaign, c.coalition])
      expect(stored).not.toContain(marker);
  });

  it('edits on both sides while the server is down, and both end with the same stances', async () => {
    await openTargets(a.page, c.demoCampaign);
    const labels = Object.keys(await stances(a.page));
    expect(labels.length).toBeGreaterThan(1);
    const [first, second] = labels as [string, string];
    await couch.stop();
    try {
      // Local work goes on while the server is away.
      await stanceControl(a.page, first).getByTestId('stance-opposed').click();
      await expect
        .poll(() => stanceControl(a.page, first).locator('input:checked').getAttribute('value'))
        .toBe('opposed');
      await stanceControl(b.page, second).getByTestId('stance-champion').click();
      await expect
        .poll(() => stanceControl(b.page, second).locator('input:checked').getAttribute('value'))
        .toBe('champion');
      await a.page.getByTestId('nav-settings').click();
      await expect
        .poll(() => a.page.getByTestId('coalition-sync-problem').count(), { timeout: 30_000 })
        .toBe(1);
      expect(await a.page.getByTestId('coalition-sync-problem').innerText()).toContain(
        t.syncProblems.unreachable,
      );
      await a.page.screenshot({ path: artifactPath(`coalition-sync-offline-${c.language}.png`) });
    } finally {
      await couch.restart();
    }
    for (const page of [a.page, b.page]) {
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('coalition-sync-now').click();
    }
    await expect
      .poll(() => a.page.getByTestId('coalition-sync-problem').count(), { timeout: 30_000 })
      .toBe(0);
    await openTargets(a.page, c.demoCampaign);
    await openTargets(b.page, c.demoCampaign);
    const expected = { ...(await stances(a.page)), [second]: 'champion', [first]: 'opposed' };
    await expect.poll(() => stances(a.page), { timeout: 30_000 }).toEqual(expected);
    await expect.poll(() => stances(b.page), { timeout: 30_000 }).toEqual(expected);
  });

  it('a member who joins late catches up', async () => {
    const invitation = await invite(a.page);
    const late = await openProfile(c.locale);
    await join(late.page, invitation.text, invitation.passphrase);
    await openTargets(a.page, c.demoCampaign);
    await openTargets(late.page, c.demoCampaign);
    await expect.poll(() => stances(late.page), { timeout: 30_000 }).toEqual(await stances(a.page));
    await late.page.screenshot({ path: artifactPath(`coalition-sync-late-${c.language}.png`) });
    const stored = await serverText(database);
    for (const marker of [LATIN_MARKER, ARABIC_MARKER, c.demoCampaign])
      expect(stored).not.toContain(marker);
    await session.close(late);
    await session.close(b);
    await session.close(a);
  });
});
