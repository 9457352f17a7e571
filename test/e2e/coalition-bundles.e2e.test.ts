/**
 * Sharing without a server end to end in Chromium, in English and Arabic: profile A creates a
 * files-only coalition, invites B and shares the demo campaign, then exports a bundle of it
 * (saved as a download, the one-time passphrase shown once). Profile B joins with the
 * invitation, is refused with a wrong passphrase (the translated reason), then imports the
 * bundle and sees the campaign. No server, no network: the file carries everything.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { catalogues } from '@shared/i18n/catalogues';
import { artifactPath } from '../helpers/artifacts';
import { useBrowserSession } from './browser-session';
import {
  ARABIC_MARKER,
  LATIN_MARKER,
  coalitionCases,
  join,
  shareCampaign,
} from './coalition-profiles';
import { loadDemoWorkspace, setUpWorkspace } from './workspace';

const session = useBrowserSession();

const CASES = coalitionCases({ en: 'Pigeon Post', ar: 'بريد الحمام' });

describe.each(CASES)('coalition bundles in $language', (c) => {
  const t = catalogues[c.language].coalitions;
  const bundle = { path: '', passphrase: '' };
  const invitation = { text: '', passphrase: '' };

  it('exports a bundle of the shared campaign from a files-only coalition', async () => {
    const a = await session.open({ locale: c.locale });
    const page = a.page;
    await setUpWorkspace(page);
    await loadDemoWorkspace(page);
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('coalition-create-open').click();
    const form = page.getByTestId('coalition-create');
    await form.getByTestId('coalition-name').fill(c.coalition);
    await form.getByTestId('coalition-kind-files').check();
    await form.getByTestId('coalition-create-submit').click();
    await page.getByTestId('coalition-card').waitFor();

    await page.getByTestId('coalition-invite').click();
    await page.getByTestId('coalition-invite-submit').click();
    await page.getByTestId('coalition-invitation').waitFor({ timeout: 30_000 });
    invitation.text = await page.getByTestId('coalition-invitation-text').inputValue();
    invitation.passphrase = (
      await page.getByTestId('coalition-invitation-passphrase').innerText()
    ).trim();
    await page.getByTestId('coalition-invitation-done').click();

    await shareCampaign(page, c.demoCampaign, c.coalition);
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('coalition-bundle-export-open').click();
    const dialog = page.getByTestId('coalition-bundle-export');
    await dialog.getByTestId('coalition-bundle-campaign').click();
    await dialog.getByRole('option', { name: c.demoCampaign }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      dialog.getByTestId('coalition-bundle-export-submit').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.tadamun-bundle$/);
    expect(download.suggestedFilename()).toContain(t.bundle.fileName.split(' ')[0]);
    bundle.path = artifactPath(`coalition-bundle-${c.language}.tadamun-bundle`);
    await download.saveAs(bundle.path);
    bundle.passphrase = (
      await page.getByTestId('coalition-bundle-passphrase').innerText({ timeout: 30_000 })
    ).trim();
    expect(bundle.passphrase).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4})+$/);
    expect(await dialog.innerText()).toContain(t.bundle.passphraseWarning.slice(0, 20));
    const file = await readFile(bundle.path, 'utf8');
    expect(JSON.parse(file)).toMatchObject({ format: 'tadamun-coalition-bundle' });
    // Sealed: neither the campaign's name nor a code name is in the file.
    expect(file).not.toContain(c.demoCampaign);
    expect(file).not.toContain(LATIN_MARKER);
    expect(file).not.toContain(ARABIC_MARKER);
    await page.screenshot({ path: artifactPath(`coalition-bundle-exported-${c.language}.png`) });
    await dialog.getByTestId('coalition-bundle-done').click();
    await session.close(a);
  });

  it('imports it in the member’s profile: a wrong passphrase refused, then the campaign arrives', async () => {
    const b = await session.open({ locale: c.locale });
    const page = b.page;
    await setUpWorkspace(page);
    await join(page, invitation.text, invitation.passphrase);

    await page.getByTestId('coalition-bundle-import-open').click();
    const dialog = page.getByTestId('coalition-bundle-import');
    await dialog.locator('input[type="file"]').setInputFiles(bundle.path);
    const passphrase = dialog.getByTestId('coalition-bundle-import-passphrase');
    const outcome = dialog.getByTestId('coalition-bundle-import-outcome');
    // Another valid-looking passphrase: the file opens only with its own.
    const wrong = bundle.passphrase.startsWith('AAAA')
      ? bundle.passphrase.replace(/^AAAA/, 'BBBB')
      : bundle.passphrase.replace(/^..../, 'AAAA');
    await passphrase.fill(wrong);
    await dialog.getByTestId('coalition-bundle-import-submit').click();
    await expect
      .poll(() => outcome.innerText(), { timeout: 60_000 })
      .toContain(t.bundleProblems['wrong-passphrase']);
    expect(await outcome.getAttribute('data-ok')).toBe('false');
    await page.screenshot({ path: artifactPath(`coalition-bundle-refused-${c.language}.png`) });

    await passphrase.fill(bundle.passphrase.toLowerCase());
    await dialog.getByTestId('coalition-bundle-import-submit').click();
    await expect.poll(() => outcome.getAttribute('data-ok'), { timeout: 60_000 }).toBe('true');
    expect(await outcome.innerText()).not.toContain(t.bundleProblems['wrong-passphrase']);
    await page.screenshot({ path: artifactPath(`coalition-bundle-imported-${c.language}.png`) });
    await page.keyboard.press('Escape');

    await page.getByTestId('nav-campaigns').click();
    await expect
      .poll(() => page.getByTestId('campaign-card').filter({ hasText: c.demoCampaign }).count(), {
        timeout: 30_000,
      })
      .toBe(1);
    await session.close(b);
  });
});
