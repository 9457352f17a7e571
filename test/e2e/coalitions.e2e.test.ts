/**
 * Coalitions end to end, in English and in Arabic: create a coalition in Settings (plain http to
 * another host refused with the core's reason), invite a member (text block, file, one-time
 * passphrase shown once), share the demo campaign once its contacts have code names (the share
 * screen blocks until then), and join with the invitation in a second, fresh browser profile
 * (a wrong passphrase refused first, a second join refused); a second, files-only coalition
 * beside the first. Screenshots of each screen.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { catalogues } from '@shared/i18n/catalogues';
import { artifactPath } from '../helpers/artifacts';
import { useBrowserSession, type OpenedApp } from './browser-session';
import { loadDemoWorkspace, setUpWorkspace } from './workspace';

const session = useBrowserSession();

const CASES = [
  {
    language: 'en',
    locale: 'en-US',
    coalition: 'Rainbow Coalition',
    filesCoalition: 'USB circle',
    demoCampaign: 'Eastbridge Fairness Ordinance',
  },
  {
    language: 'ar',
    locale: 'ar-EG',
    coalition: 'تحالف قوس قزح',
    filesCoalition: 'حلقة الذاكرات',
    demoCampaign: 'الفحص الآمن والسري حقٌّ للجميع',
  },
] as const;

async function go(page: Page, route: string): Promise<void> {
  await page.evaluate((hash) => {
    location.hash = hash;
  }, route);
}

describe.each(CASES)('coalitions in $language', (c) => {
  const t = catalogues[c.language].coalitions;
  let owner: OpenedApp;
  let page: Page;
  const invitation = { text: '', passphrase: '' };

  it('creates a coalition, refusing plain http to another computer', async () => {
    owner = await session.open({ locale: c.locale });
    page = owner.page;
    await setUpWorkspace(page);
    await loadDemoWorkspace(page);
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('coalitions-none').waitFor();
    await page.getByTestId('coalition-create-open').click();
    const form = page.getByTestId('coalition-create');
    for (const field of ['name', 'url', 'database', 'username', 'password'])
      expect(await form.getByTestId(`coalition-${field}`).getAttribute('autocomplete')).toBe('off');
    await form.getByTestId('coalition-name').fill(c.coalition);
    await form.getByTestId('coalition-url').fill('http://couch.example.org');
    await form.getByTestId('coalition-database').fill('rainbow');
    await form.getByTestId('coalition-username').fill('amal');
    await form.getByTestId('coalition-password').fill('pw-amal');
    await form.getByTestId('coalition-create-submit').click();
    await expect
      .poll(() => form.innerText())
      .toContain(t.fieldProblems['https-required'].slice(0, 30));
    expect(await page.getByTestId('coalition-card').count()).toBe(0);
    await form.getByTestId('coalition-url').fill('https://couch.example.org');
    await form.getByTestId('coalition-create-submit').click();
    await page.getByTestId('coalition-card').waitFor();
    expect(await page.getByTestId('coalition-card').innerText()).toContain(c.coalition);
    // A second coalition, files only: no server fields asked.
    await form.getByTestId('coalition-name').fill(c.filesCoalition);
    await form.getByTestId('coalition-kind-files').check();
    expect(await form.getByTestId('coalition-url').count()).toBe(0);
    await form.getByTestId('coalition-create-submit').click();
    await expect.poll(() => page.getByTestId('coalition-card').count()).toBe(2);
    expect(await page.getByTestId('coalition-card').nth(1).innerText()).toContain(t.status.files);
    expect(await page.getByTestId('coalition-status').first().textContent()).toContain(
      t.status.neverSynced,
    );
    await page.getByTestId('coalition-card').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath(`coalitions-created-${c.language}.png`) });
  });

  it('invites a member: text, file and the passphrase shown once', async () => {
    await page.getByTestId('coalition-invite').first().click();
    await page.getByTestId('coalition-invite-submit').click();
    await page.getByTestId('coalition-invitation').waitFor({ timeout: 30_000 });
    invitation.text = await page.getByTestId('coalition-invitation-text').inputValue();
    invitation.passphrase = (
      await page.getByTestId('coalition-invitation-passphrase').innerText()
    ).trim();
    expect(invitation.text).toMatch(/^-----BEGIN TADAMUN INVITATION-----\n/);
    expect(invitation.passphrase).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4})+$/);
    expect(invitation.text).not.toContain(invitation.passphrase);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('coalition-invitation-download').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.tadamun-invitation$/);
    const path = artifactPath(`coalition-invitation-${c.language}.tadamun-invitation`);
    await download.saveAs(path);
    const file = JSON.parse(await readFile(path, 'utf8')) as { format: string };
    expect(file.format).toBe('tadamun-invitation');
    await page.screenshot({ path: artifactPath(`coalitions-invite-${c.language}.png`) });
    await page.getByTestId('coalition-invitation-done').click();
    await page.getByTestId('coalition-invitation').waitFor({ state: 'detached' });
    // Opened again, the dialog makes a new invitation: the passphrase is not shown again.
    await page.getByTestId('coalition-invite').first().click();
    await page.getByTestId('coalition-invite-form').waitFor();
    expect(await page.getByTestId('coalition-invitation-passphrase').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.getByTestId('coalition-invite-form').waitFor({ state: 'detached' });
  });

  it('shares the demo campaign once every contact it names has a code name', async () => {
    await page.getByTestId('nav-campaigns').click();
    await page
      .getByTestId('campaign-card')
      .filter({ hasText: c.demoCampaign })
      .getByTestId('campaign-link')
      .click();
    await page.getByTestId('page-title').waitFor();
    const campaignHash = new URL(page.url()).hash;
    await page.getByTestId('workspace-share').click();
    await page.getByTestId('share-campaign').waitFor();
    await page.getByTestId('share-campaign').getByLabel(c.coalition, { exact: true }).check();
    const missing = page.getByTestId('share-missing-code-names');
    expect(await missing.count()).toBe(1);
    expect(await page.getByTestId('share-submit').isDisabled()).toBe(true);
    expect(await page.getByTestId('share-campaign').innerText()).toContain(
      t.share.notesWarning.slice(0, 30),
    );
    await page.screenshot({ path: artifactPath(`coalitions-share-blocked-${c.language}.png`) });

    let fixed = 0;
    while ((await missing.count()) > 0) {
      expect(fixed).toBeLessThan(20);
      await page.getByTestId('share-set-code-name').first().click();
      await page.waitForURL(/#\/contacts\/[0-9a-f-]{36}\/edit$/);
      if (fixed === 0) {
        // The first one is shared under their identity instead; never a sensitive contact.
        const share = page.getByTestId('field-shareIdentity');
        await page.getByTestId('field-sensitive').check();
        await share.waitFor({ state: 'detached' });
        await page.getByTestId('field-sensitive').uncheck();
        await share.check();
        await share.scrollIntoViewIfNeeded();
        await page.screenshot({
          path: artifactPath(`coalitions-share-identity-${c.language}.png`),
        });
        fixed += 1;
      } else {
        await page.getByTestId('field-codeName').fill(`Falcon ${++fixed}`);
      }
      await page.getByTestId('contact-save').click();
      await page.waitForURL(/#\/contacts\/[0-9a-f-]{36}$/);
      await go(page, campaignHash);
      await page.getByTestId('workspace-share').click();
      await page.getByTestId('share-campaign').waitFor();
    }
    expect(fixed).toBeGreaterThan(0);
    await page.getByTestId('share-campaign').getByLabel(c.coalition, { exact: true }).check();
    expect(await page.getByTestId('share-count-campaign').innerText()).toMatch(/^[1١]$/);
    await page.getByTestId('share-submit').click();
    await expect.poll(() => page.getByTestId('share-outcome').getAttribute('data-ok')).toBe('true');
    await page.screenshot({ path: artifactPath(`coalitions-share-${c.language}.png`) });
    await page.keyboard.press('Escape');
    await page.getByTestId('nav-settings').click();
    await expect
      .poll(() => page.getByTestId('coalition-status').first().textContent())
      .toMatch(new RegExp(`${t.status.sharedCampaigns}:\\s*[1١]`));
  });

  it('joins with the invitation in a second, fresh profile', async () => {
    const member = await session.open({ locale: c.locale });
    const other = member.page;
    await setUpWorkspace(other);
    await other.getByTestId('nav-settings').click();
    await other.getByTestId('coalition-join-open').click();
    const form = other.getByTestId('coalition-join');
    await form.getByTestId('coalition-join-text').fill(`Hi, here it is:\n${invitation.text}\n`);
    await form.getByTestId('coalition-join-passphrase').fill('AAAA-BBBB-CCCC-DDDD');
    await form.getByTestId('coalition-join-submit').click();
    await expect
      .poll(() => form.getByTestId('coalition-join-outcome').innerText(), { timeout: 30_000 })
      .toContain(t.invitationProblems['wrong-passphrase']);
    await other.screenshot({ path: artifactPath(`coalitions-join-refused-${c.language}.png`) });
    await form.getByTestId('coalition-join-passphrase').fill(invitation.passphrase.toLowerCase());
    await form.getByTestId('coalition-join-submit').click();
    await other.getByTestId('coalition-card').waitFor({ timeout: 30_000 });
    expect(await other.getByTestId('coalition-card').innerText()).toContain(c.coalition);
    await other.getByTestId('coalition-card').scrollIntoViewIfNeeded();
    await other.screenshot({ path: artifactPath(`coalitions-joined-${c.language}.png`) });

    await form.getByTestId('coalition-join-text').fill(invitation.text);
    await form.getByTestId('coalition-join-passphrase').fill(invitation.passphrase);
    await form.getByTestId('coalition-join-submit').click();
    await expect
      .poll(() => form.getByTestId('coalition-join-outcome').innerText(), { timeout: 30_000 })
      .toContain(t.problems['already-joined']);
    expect(await other.getByTestId('coalition-card').count()).toBe(1);
    await session.close(member);
    await session.close(owner);
  });
});
