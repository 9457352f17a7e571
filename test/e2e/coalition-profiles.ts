/**
 * What the coalition e2e tests with several browser profiles share: a profile whose requests
 * to the test server go through the harness's host (main's fetcher), a coalition created and a
 * campaign shared through the UI, invitations made and taken, and the stances a member sees.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { hostCoalitionFetch } from '../helpers/coalition-fetch-host';
import { startCouchServer, type CouchServer } from '../helpers/couch-server';
import type { BrowserSession, OpenedApp } from './browser-session';
import { setUpWorkspace } from './workspace';

export const LATIN_MARKER = 'Quillfeather';
export const ARABIC_MARKER = 'زيزفونة';

/** A file's cases in English and Arabic: the profile's locale, its coalition, the demo campaign. */
export const coalitionCases = (coalition: { en: string; ar: string }) =>
  [
    {
      language: 'en',
      locale: 'en-US',
      coalition: coalition.en,
      demoCampaign: 'Eastbridge Fairness Ordinance',
    },
    {
      language: 'ar',
      locale: 'ar-EG',
      coalition: coalition.ar,
      demoCampaign: 'الفحص الآمن والسري حقٌّ للجميع',
    },
  ] as const;

/** The test server of a file: started before its tests, stopped after them. */
export function useCouchServer(): CouchServer {
  let server: CouchServer | undefined;
  beforeAll(async () => {
    server = await startCouchServer();
  });
  afterAll(() => server?.stop());
  const started = () => {
    if (!server) throw new Error('The test server has not started');
    return server;
  };
  return {
    get url() {
      return started().url;
    },
    databaseUrl: (name) => started().databaseUrl(name),
    createDatabase: (name) => started().createDatabase(name),
    stop: () => started().stop(),
    restart: () => started().restart(),
  };
}

export async function openProfile(session: BrowserSession, locale: string): Promise<OpenedApp> {
  const app = await session.open({ locale, path: null });
  await hostCoalitionFetch(app.context);
  await app.page.goto(`${session.baseUrl}/`);
  await setUpWorkspace(app.page);
  return app;
}

export async function go(page: Page, route: string): Promise<void> {
  await page.evaluate((hash) => {
    location.hash = hash;
  }, route);
}

export async function openTargets(page: Page, campaign: string): Promise<void> {
  await page.getByTestId('nav-campaigns').click();
  await page
    .getByTestId('campaign-card')
    .filter({ hasText: campaign })
    .getByTestId('campaign-link')
    .click({ timeout: 30_000 });
  await page.getByTestId('tab-targets').click();
  await page.getByTestId('target-row').first().waitFor();
}

export const stanceControl = (page: Page, label: string) =>
  page.locator(`[data-testid="stance-control"][aria-label="${label}"]`);

export async function stances(page: Page): Promise<Record<string, string | null>> {
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

/** A server coalition created in Settings. */
export async function createCoalition(
  page: Page,
  settings: { name: string; url: string; database: string },
): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('coalition-create-open').click();
  const form = page.getByTestId('coalition-create');
  await form.getByTestId('coalition-name').fill(settings.name);
  await form.getByTestId('coalition-url').fill(settings.url);
  await form.getByTestId('coalition-database').fill(settings.database);
  await form.getByTestId('coalition-username').fill('amal');
  await form.getByTestId('coalition-password').fill('pw-amal');
  await form.getByTestId('coalition-create-submit').click();
  await page.getByTestId('coalition-card').waitFor();
}

/** Shares a campaign, giving its contacts code names first (the markers, Latin and Arabic). */
export async function shareCampaign(page: Page, campaign: string, coalition: string) {
  await openTargets(page, campaign);
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
  await page.getByTestId('share-campaign').getByLabel(coalition, { exact: true }).check();
  await page.getByTestId('share-submit').click();
  await expect.poll(() => page.getByTestId('share-outcome').getAttribute('data-ok')).toBe('true');
  await page.keyboard.press('Escape');
}

export async function join(page: Page, text: string, passphrase: string): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('coalition-join-open').click();
  const form = page.getByTestId('coalition-join');
  await form.getByTestId('coalition-join-text').fill(text);
  await form.getByTestId('coalition-join-passphrase').fill(passphrase);
  await form.getByTestId('coalition-join-submit').click();
  await page.getByTestId('coalition-card').waitFor({ timeout: 30_000 });
}

/** Makes the invitation in the open invitation dialog; its text and passphrase. */
export async function makeInvitation(page: Page): Promise<{ text: string; passphrase: string }> {
  await page.getByTestId('coalition-invite-submit').click();
  await page.getByTestId('coalition-invitation').waitFor({ timeout: 30_000 });
  const text = await page.getByTestId('coalition-invitation-text').inputValue();
  const passphrase = (await page.getByTestId('coalition-invitation-passphrase').innerText()).trim();
  await page.getByTestId('coalition-invitation-done').click();
  await page.getByTestId('coalition-invitation').waitFor({ state: 'detached' });
  return { text, passphrase };
}

export async function invite(page: Page): Promise<{ text: string; passphrase: string }> {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('coalition-invite').first().click();
  return makeInvitation(page);
}

export async function serverText(couch: CouchServer, database: string): Promise<string> {
  const response = await fetch(`${couch.url}/${database}/_all_docs?include_docs=true`);
  expect(response.ok).toBe(true);
  return response.text();
}
