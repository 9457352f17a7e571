/**
 * The officials directory and duplicates in Chromium: merge two duplicates (their
 * interactions move to the contact kept), add the senators of one state twice (two contacts,
 * not four); screenshots in English and Arabic, light and dark.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifactPath } from '../helpers/artifacts';
import { useBrowserSession } from './browser-session';
import {
  loadDemoWorkspace,
  SCREENSHOT_MODES,
  setLanguageAndScheme,
  setUpWorkspace,
} from './workspace';

const session = useBrowserSession();
const { baseUrl } = session;

const numbersIn = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).innerText()).match(/\d+/g) ?? []).map(Number);

async function openWorkspace(page: Page, { demo }: { demo: boolean }): Promise<void> {
  await page.goto(`${baseUrl}/#/dashboard`);
  await setUpWorkspace(page);
  if (demo) {
    await loadDemoWorkspace(page);
  }
}

async function goToContacts(page: Page): Promise<void> {
  await page.goto(`${baseUrl}/#/contacts`);
  await page.getByTestId('contacts-directory').waitFor();
}

/** Adds the senators of Vermont from the directory dialog; returns the result message. */
async function addVermontSenators(page: Page): Promise<string> {
  await page.getByTestId('contacts-directory').click();
  const dialog = page.getByTestId('directory-dialog');
  await dialog.getByTestId('directory-row').first().waitFor();
  await dialog.getByTestId('directory-chamber').getByText('Senate').click();
  await dialog.getByTestId('directory-state').click();
  await dialog.getByTestId('directory-state').fill('Vermont');
  await page.getByRole('option', { name: 'Vermont (VT)' }).click();
  await expect.poll(() => dialog.getByTestId('directory-row').count()).toBe(2);
  await dialog.getByTestId('directory-select-all').check();
  expect(await dialog.getByTestId('directory-add').innerText()).toBe('Add 2 legislators');
  await dialog.getByTestId('directory-add').click();
  const outcome = dialog.getByTestId('directory-outcome');
  await outcome.waitFor();
  const message = await outcome.innerText();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  return message;
}

describe('officials directory', () => {
  it('adds all senators of one state twice and gets exactly two contacts', async () => {
    const app = await session.open({ path: null });
    const { page } = app;
    await openWorkspace(page, { demo: false });
    await goToContacts(page);

    expect(await addVermontSenators(page)).toBe('Added: 2. Updated: 0. Already up to date: 0.');
    await expect.poll(() => numbersIn(page, 'contact-count')).toEqual([2, 2]);
    expect(await addVermontSenators(page)).toBe('Added: 0. Updated: 0. Already up to date: 2.');
    await expect.poll(() => numbersIn(page, 'contact-count')).toEqual([2, 2]);
    const names = await page.getByTestId('contact-table').innerText();
    expect(names).toContain('Sanders');
    expect(names).toContain('Welch');

    // The dialog marks them as in the contacts, and shows the snapshot date.
    await page.getByTestId('contacts-directory').click();
    const dialog = page.getByTestId('directory-dialog');
    await dialog.getByTestId('directory-row').first().waitFor();
    expect(await dialog.getByTestId('directory-snapshot').innerText()).toContain(
      'US Congress as of Jun 15, 2026',
    );
    await dialog.getByTestId('directory-search').fill('sanders');
    await expect.poll(() => dialog.getByTestId('directory-row').count()).toBe(1);
    expect(await dialog.getByTestId('directory-in-contacts').count()).toBe(1);
    await page.keyboard.press('Escape');

    for (const [language, scheme] of SCREENSHOT_MODES) {
      await setLanguageAndScheme(page, language, scheme, { alwaysReload: true });
      await page.getByTestId('contacts-directory').click();
      await dialog.getByTestId('directory-row').first().waitFor();
      await dialog.getByTestId('directory-chamber').locator('label').nth(1).click();
      await page.waitForTimeout(300);
      await page.screenshot({ path: artifactPath(`directory-${language}-${scheme}.png`) });
      if (language === 'ar') {
        expect(await dialog.getByTestId('directory-snapshot').innerText()).toContain(
          'الكونغرس الأمريكي بتاريخ',
        );
      }
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
    }
    await session.close(app);
  });
});

describe('duplicates', () => {
  it('merges two duplicates, and the interactions move to the contact kept', async () => {
    const app = await session.open({ path: null });
    const { page } = app;
    await openWorkspace(page, { demo: true });
    await goToContacts(page);
    const [, total] = await numbersIn(page, 'contact-count');

    // A second record of a demo council member, with her e-mail in other letter case.
    await page.getByTestId('contacts-new').click();
    await page.getByTestId('contact-form').waitFor();
    await page.getByTestId('field-givenName').fill('Daniela');
    await page.getByTestId('field-familyName').fill('Ortíz');
    await page.getByTestId('add-emails').click();
    await page.getByTestId('field-emails-0').fill('Daniela.Ortiz@council.example.org');
    await page.getByTestId('contact-save').click();
    await page.getByTestId('contact-detail').waitFor();
    const keptUrl = page.url();
    expect(await page.getByTestId('contact-interaction').count()).toBe(0);

    await goToContacts(page);
    await page.getByTestId('contacts-duplicates').click();
    const dialog = page.getByTestId('duplicates-dialog');
    const pair = dialog.getByTestId('duplicate-pair').filter({ hasText: 'Daniela Ortíz' });
    await pair.waitFor();
    expect(await pair.getByTestId('duplicate-reason').allTextContents()).toEqual(
      expect.arrayContaining(['Same email', 'Similar name']),
    );
    for (const [language, scheme] of SCREENSHOT_MODES) {
      if (language !== 'en' || scheme !== 'light') {
        await setLanguageAndScheme(page, language, scheme, { alwaysReload: true });
        await page.getByTestId('contacts-duplicates').click();
        await dialog.getByTestId('duplicate-pair').first().waitFor();
      }
      await page.waitForTimeout(300);
      await page.screenshot({ path: artifactPath(`duplicates-${language}-${scheme}.png`) });
      await pair.getByTestId('duplicate-compare').click();
      await dialog.getByTestId('merge-view').waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: artifactPath(`merge-${language}-${scheme}.png`) });
      if (language === 'en' && scheme === 'dark') break;
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
    }

    // Keep the new record: the demo one's interactions move to it.
    await dialog.getByTestId('merge-view').getByText('Daniela Ortíz').click();
    const [interactions = 0, targets = 0] = await numbersIn(page, 'merge-moves');
    expect(interactions).toBeGreaterThan(0);
    expect(targets).toBeGreaterThan(0);
    const familyName = dialog.locator('[data-testid="merge-field"][data-field="familyName"]');
    expect(await familyName.innerText()).toContain('Ortiz');
    await familyName.getByText('Ortiz', { exact: true }).click();
    await dialog.getByTestId('merge-submit').click();
    const outcome = dialog.getByTestId('duplicates-outcome');
    await outcome.waitFor();
    expect(await outcome.innerText()).toBe('Merged into Daniela Ortiz.');
    expect(await dialog.getByTestId('duplicate-pair').filter({ hasText: 'Daniela' }).count()).toBe(
      0,
    );
    await page.keyboard.press('Escape');

    await page.goto(keptUrl);
    await page.getByTestId('contact-detail').waitFor();
    expect(await page.getByTestId('page-title').innerText()).toContain('Daniela Ortiz');
    await expect.poll(() => page.getByTestId('contact-interaction').count()).toBe(interactions);
    await goToContacts(page);
    await page.getByTestId('contact-search').fill('Daniela');
    await expect.poll(() => numbersIn(page, 'contact-count')).toEqual([1, total]);
    await session.close(app);
  });
});
