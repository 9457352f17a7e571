/**
 * No plaintext on disk: through the core API in Chromium with a profile on disk, write
 * unique markers (Latin and Arabic) into contacts, notes, a campaign, a template and a
 * generated letter, search for them (so the stored search index holds them too), close the
 * browser, and scan every file of the profile in UTF-8 and UTF-16LE. Encrypted: no marker.
 * The same with encryption off (a switch only the test harness has): markers found, which
 * proves the scan would see them. Then the same markers typed through the real forms
 * (contact, campaign, interaction note, template, search): form history must not keep them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchPersistent, recordRequests, requestsOutside } from '../helpers/chromium';
import { filesUnder, filesWithMarkers } from '../helpers/profile-files';
import { setUpWorkspace } from './workspace';

const baseUrl = inject('baseUrl');
const profiles: string[] = [];

afterAll(() => {
  for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
});

async function writeAndSearch(encrypted: boolean, markers: readonly string[]): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tadamun-profile-'));
  profiles.push(dir);
  const context = await launchPersistent(dir);
  const requests = recordRequests(context);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${baseUrl}/harness/index.html`);
  await page.waitForFunction(() => window.tadamunCore !== undefined);
  const found = await page.evaluate(
    async ({ encrypted, markers }) => {
      const api = window.tadamunCore;
      if (!api) throw new Error('no harness');
      const [latin = '', arabic = ''] = markers;
      const core = encrypted
        ? (
            await new api.Vault({ name: 'tadamun', keyFile: api.memoryKeyFileStore() }).setUp(
              'a long test passphrase',
            )
          ).core
        : await api.openDataCore({ name: 'tadamun' });
      const contacts = await core.contacts.createMany(
        // Enough contacts that the index's stored copy is written at close.
        Array.from({ length: 1200 }, (_, i) => ({
          givenName: i === 0 ? latin : `Person${i}`,
          familyName: i === 0 ? arabic : 'Example',
          notes: i === 0 ? `${latin} ${arabic}` : undefined,
        })),
      );
      const contact = contacts[0];
      if (!contact) throw new Error('no contact');
      const campaign = await core.campaigns.create({
        name: `${arabic} ${latin}`,
        description: `${latin} ${arabic}`,
      });
      const template = await core.templates.create({ name: latin, body: arabic });
      await core.letters.create({
        campaignId: campaign.id,
        templateId: template.id,
        contactId: contact.id,
        renderedText: `${latin} ${arabic}`,
      });
      const hit = core.search.search(arabic)[0]?.contact.id === contact.id;
      await core.close();
      return hit;
    },
    { encrypted, markers },
  );
  expect(found).toBe(true);
  expect(requestsOutside(requests, baseUrl)).toEqual([]);
  await context.close();
  return dir;
}

describe('no plaintext on disk', () => {
  it('encrypted: no marker in any file of the browser profile', async () => {
    const markers = ['TADAMUNMARKERQX7', 'سرّيةتضامنفريدة'];
    const dir = await writeAndSearch(true, markers);
    expect(filesUnder(dir).length).toBeGreaterThan(0);
    expect(filesWithMarkers(dir, markers)).toEqual([]);
  });

  it('unencrypted (test-only switch): the same scan finds the markers', async () => {
    const markers = ['TADAMUNMARKERZK9', 'علنيةتضامنفريدة'];
    const dir = await writeAndSearch(false, markers);
    const hits = filesWithMarkers(dir, markers);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.some((file) => file.includes('IndexedDB'))).toBe(true);
  });

  it('typed through the forms: no marker anywhere, form history included', async () => {
    const latin = 'TADAMUNTYPEDQW5';
    const arabic = 'مكتوبةتضامنفريدة';
    const dir = mkdtempSync(path.join(tmpdir(), 'tadamun-profile-'));
    profiles.push(dir);
    const context = await launchPersistent(dir);
    const requests = recordRequests(context);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${baseUrl}/`);
    await setUpWorkspace(page);
    await typeThroughForms(page, latin, arabic);
    expect(requestsOutside(requests, baseUrl)).toEqual([]);
    await context.close();
    expect(filesWithMarkers(dir, [latin, arabic])).toEqual([]);
  });
});

async function typeThroughForms(page: Page, latin: string, arabic: string): Promise<void> {
  await page.goto(`${baseUrl}/#/contacts`);
  await page.getByTestId('contacts-new').click();
  await page.getByTestId('field-givenName').fill(latin);
  await page.getByTestId('field-familyName').fill(arabic);
  await page.getByTestId('field-notes').fill(`${latin} ${arabic}`);
  await page.getByTestId('contact-save').click();
  await page.getByTestId('contact-detail').waitFor();

  await page.goto(`${baseUrl}/#/campaigns`);
  await page.getByTestId('campaign-new').click();
  await page.getByTestId('campaign-name').fill(`${arabic} ${latin}`);
  await page.getByTestId('campaign-goal').fill(`${latin} ${arabic}`);
  await page.getByTestId('campaign-save').click();
  await page.waitForURL(/#\/campaigns\/[0-9a-f-]{36}/);

  await page.getByTestId('tab-outreach').click();
  await page.keyboard.press('Control+i');
  const dialog = page.getByTestId('log-interaction-form');
  await dialog.getByTestId('log-contact').fill(latin);
  await page.getByRole('option', { name: latin }).click();
  await dialog.getByTestId('log-outcome').fill(`${latin} ${arabic}`);
  await dialog.getByTestId('log-outcome').press('Enter');
  await dialog.waitFor({ state: 'hidden' });

  await page.goto(`${baseUrl}/#/templates`);
  await page.getByTestId('template-new').click();
  await page.getByTestId('template-name').fill(latin);
  await page.getByTestId('template-subject').fill(`${arabic} ${latin}`);
  await page.getByTestId('template-body-editor').click();
  await page.keyboard.type(`${latin} ${arabic}`);
  await page.getByTestId('template-save').click();
  await page.waitForURL(/#\/templates\/[0-9a-f-]{36}$/);

  await page.goto(`${baseUrl}/#/contacts`);
  await page.getByTestId('contact-search').fill(arabic);
  await page.getByTestId('contact-search').press('Enter');
  await expect.poll(() => page.getByTestId('contact-table').innerText()).toContain(latin);
}
