/**
 * The contact book in Chromium: the list (search with other Arabic spellings, filters, sort,
 * columns), bulk actions with undo, a contact's page, create and edit with a validation
 * error, organizations; screenshots in English and Arabic, light and dark.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath } from '../helpers/artifacts';
import { useBrowserSession, type OpenedApp } from './browser-session';
import {
  loadDemoWorkspace,
  SCREENSHOT_MODES,
  setLanguageAndScheme,
  setUpWorkspace,
  unlockWorkspace,
} from './workspace';

const session = useBrowserSession();
const { baseUrl } = session;

let app: OpenedApp;
let page: Page;

const rows = () => page.getByTestId('contact-row');
const shownCount = async () => {
  const text = await page.getByTestId('contact-count').innerText();
  return Number(/(\d+)/.exec(text)?.[1]);
};
const totalCount = async () => {
  const numbers = (await page.getByTestId('contact-count').innerText()).match(/\d+/g) ?? [];
  return Number(numbers[1]);
};

async function goToContacts(): Promise<void> {
  await page.goto(`${baseUrl}/#/contacts`);
  await page.getByTestId('contact-table').waitFor();
}

/** Picks `option` in a Mantine select or multi-select. */
async function pick(input: Locator, option: string): Promise<void> {
  await input.click();
  await page.getByRole('option', { name: option, exact: false }).first().click();
  // A multi-select keeps its list open: leaving the field closes it.
  await input.press('Tab');
}

async function rowNames(): Promise<string[]> {
  return page.getByTestId('contact-link').allInnerTexts();
}

/** Each screen, in both languages and both colour schemes. */
async function screenshotAll(screens: Record<string, () => Promise<void>>): Promise<void> {
  for (const [language, scheme] of SCREENSHOT_MODES) {
    await setLanguageAndScheme(page, language, scheme);
    for (const [name, prepare] of Object.entries(screens)) {
      await prepare();
      await page.waitForTimeout(300);
      await page.screenshot({ path: artifactPath(`${name}-${language}-${scheme}.png`) });
    }
  }
}

beforeAll(async () => {
  app = await session.open({ path: null });
  page = app.page;
  await page.goto(`${baseUrl}/#/dashboard`);
  await setUpWorkspace(page);
  await loadDemoWorkspace(page);
});

afterAll(async () => {
  await session.close(app);
});

describe('the contact list', () => {
  it('lists every contact, and search finds Arabic names typed with other letter forms', async () => {
    await goToContacts();
    const total = await totalCount();
    expect(total).toBeGreaterThanOrEqual(25);
    expect(await shownCount()).toBe(total);
    expect(await rows().count()).toBe(total);

    const search = page.getByTestId('contact-search');
    // Stored as هالة السعدي: typed with ه for ة, a kasra and a tatweel.
    await search.fill('هالِه السعـدي');
    await expect.poll(() => rowNames().then((n) => n[0])).toBe('هالة السعدي');
    // Stored with the tag مقدّم المشروع (shadda); typed without it.
    await search.fill('مقدم المشروع');
    await expect.poll(() => rowNames().then((n) => n[0])).toBe('كريم منصور');
    await search.fill('Nakamura');
    await page.getByTestId('contact-no-results').waitFor();
    await search.fill('');
    await expect.poll(shownCount).toBe(total);
  });

  it('sorts by a column header, and remembers the chosen columns', async () => {
    const before = await rowNames();
    // Scrolled down, a new order starts again at the top of the list.
    const table = page.getByTestId('contact-table');
    await table.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect.poll(() => table.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
    await page.getByTestId('sort-name').click();
    await expect.poll(() => table.evaluate((element) => element.scrollTop)).toBe(0);
    await expect.poll(() => rowNames().then((n) => n[0])).not.toBe(before[0]);
    const descending = await rowNames();
    expect(descending[0]).toBe([...before].reverse()[0]);
    await page.getByTestId('sort-name').click();
    await expect.poll(() => rowNames().then((n) => n[0])).toBe(before[0]);

    await page.getByTestId('column-chooser').click();
    await page.getByTestId('column-email').click();
    await page.keyboard.press('Escape');
    await page.getByTestId('sort-email').waitFor();
    await page.reload();
    await unlockWorkspace(page);
    await goToContacts();
    await page.getByTestId('sort-email').waitFor();
  });

  it('filters by kind, flag, tag and campaign stance, with chips and clear all', async () => {
    const total = await totalCount();
    await page.getByTestId('filter-open').click();
    await pick(page.getByTestId('filter-kinds'), 'Official');
    await page.getByTestId('filter-doNotContact').getByText('Only these').click();
    await page.getByTestId('filter-done').click();
    await expect.poll(shownCount).toBe(1);
    expect(await rows().first().getByTestId('flag-do-not-contact').count()).toBe(1);
    expect(await page.getByTestId('filter-chip').count()).toBe(2);

    // Removing the flag chip leaves every official.
    await page.getByTestId('filter-chip-remove').nth(1).click();
    await expect.poll(shownCount).toBeGreaterThan(1);
    const officials = await shownCount();
    expect(officials).toBeLessThan(total);

    await page.getByTestId('filter-open').click();
    await pick(page.getByTestId('filter-campaign'), 'Eastbridge Fairness Ordinance');
    await pick(page.getByTestId('filter-stances'), 'Undecided');
    await page.getByTestId('filter-done').click();
    await expect.poll(shownCount).toBeLessThan(officials);
    expect(await shownCount()).toBeGreaterThan(0);
    await page.screenshot({ path: artifactPath('contacts-filtered-en-light.png') });

    await page.getByTestId('filter-clear-all').click();
    await expect.poll(shownCount).toBe(total);
    expect(await page.getByTestId('filter-chips').count()).toBe(0);
  });
});

describe('bulk actions', () => {
  it('selects a range with shift-click, tags and untags it', async () => {
    await page.getByTestId('contact-select').nth(0).click();
    await page
      .getByTestId('contact-select')
      .nth(2)
      .click({ modifiers: ['Shift'] });
    await expect.poll(() => page.getByTestId('bulk-count').innerText()).toContain('3');

    await page.getByTestId('bulk-tag').click();
    await page.getByTestId('bulk-tag-input').fill('e2e wave');
    await page.getByTestId('bulk-apply').click();
    await expect.poll(() => page.getByTestId('action-notice').innerText()).toContain('e2e wave');

    await page.getByTestId('filter-open').click();
    await pick(page.getByTestId('filter-tags'), 'e2e wave');
    await page.getByTestId('filter-done').click();
    await expect.poll(shownCount).toBe(3);
    await page.getByTestId('filter-clear-all').click();

    await page.getByTestId('bulk-untag').click();
    await pick(page.getByTestId('bulk-untag-select'), 'e2e wave');
    await page.getByTestId('bulk-apply').click();
    await expect.poll(() => page.getByTestId('action-notice').innerText()).toContain('removed');
    await page.getByTestId('filter-open').click();
    expect(
      await page.getByTestId('filter-tags').evaluate((input) => (input as HTMLInputElement).value),
    ).toBe('');
    await page.keyboard.press('Escape');
  });

  it('adds the selection to a campaign, deletes it and brings it back with Undo', async () => {
    const total = await totalCount();
    await page.getByTestId('bulk-campaign').click();
    await pick(page.getByTestId('bulk-campaign-select'), 'الفحص الآمن');
    await page.getByTestId('bulk-apply').click();
    await expect
      .poll(() => page.getByTestId('action-notice').innerText())
      .toMatch(/Added as targets: \d/);

    const selected = await page
      .getByTestId('contact-row')
      .evaluateAll((elements) =>
        elements
          .filter((e) => e.getAttribute('aria-selected') === 'true')
          .map((e) => e.getAttribute('data-contact-id')),
      );
    expect(selected).toHaveLength(3);
    await page.screenshot({ path: artifactPath('contacts-selected-en-light.png') });

    await page.getByTestId('bulk-delete').click();
    await page.getByTestId('bulk-delete-confirm').click();
    await expect.poll(totalCount).toBe(total - 3);
    expect(await page.getByTestId('bulk-bar').count()).toBe(0);
    await page.getByTestId('action-undo').click();
    await expect.poll(totalCount).toBe(total);
    const back = await page.evaluate(
      (ids) => ids.map((id) => document.querySelector(`[data-contact-id="${id}"]`) !== null),
      selected,
    );
    expect(back).toEqual([true, true, true]);
  });
});

describe('a contact', () => {
  it('shows every part of a contact, with the do-not-contact marker', async () => {
    await page.getByTestId('contact-search').fill('فيصل الزبيدي');
    await expect.poll(() => rowNames().then((n) => n[0])).toBe('فيصل الزبيدي');
    await page.getByTestId('contact-link').first().click();
    await page.getByTestId('contact-detail').waitFor();
    // The badge shows its words in capitals.
    expect(await page.getByTestId('contact-flag-notice').innerText()).toMatch(/do not contact/i);
    expect(await page.getByTestId('contact-campaigns').getByTestId('stance').count()).toBe(1);
    expect(await page.getByTestId('contact-address').count()).toBeGreaterThan(0);
    await page.getByTestId('contact-log-interaction').click();
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('back-link').click();
    await page.getByTestId('contact-table').waitFor();
    await page.getByTestId('contact-search').fill('');
  });

  it('refuses a bad email next to its field, then creates the contact with a new organization', async () => {
    await page.getByTestId('contacts-new').click();
    await page.getByTestId('contact-form').waitFor();
    await page.getByTestId('field-givenName').fill('أَسماء');
    await page.getByTestId('field-familyName').fill('الزَّهراء');
    await page.getByTestId('add-emails').click();
    await page.getByTestId('field-emails-0').fill('asma at example');
    await page.getByTestId('organization-mode').click();
    await page.getByTestId('field-new-organization').fill('جمعية النور');
    await page.getByTestId('field-sensitive').check();
    await page.getByTestId('contact-save').click();
    await page.getByTestId('contact-form-error').waitFor();
    const emailError = await page.getByTestId('field-emails-0').getAttribute('aria-invalid');
    expect(emailError).toBe('true');
    expect(await page.getByTestId('contact-form').innerText()).toContain(
      'This is not a valid email address.',
    );
    await page.screenshot({
      path: artifactPath('contact-form-error-en-light.png'),
      fullPage: true,
    });

    await page.getByTestId('field-emails-0').fill('asma@example.org');
    await page.getByTestId('contact-save').click();
    await page.getByTestId('contact-detail').waitFor();
    expect(await page.getByTestId('page-title').innerText()).toBe('أَسماء الزَّهراء');
    expect(await page.getByTestId('contact-flag-notice').innerText()).toMatch(/sensitive/i);
    expect(await page.getByTestId('contact-facts').innerText()).toContain('جمعية النور');
  });

  it('finds the new contact by other diacritics and alef forms, and edits it', async () => {
    await goToContacts();
    await page.getByTestId('contact-search').fill('اسماء الزهراء');
    await expect.poll(() => rowNames().then((n) => n[0])).toBe('أَسماء الزَّهراء');
    await page.getByTestId('contact-search').fill('إسمآء');
    await expect.poll(() => rowNames().then((n) => n[0])).toBe('أَسماء الزَّهراء');
    await page.getByTestId('contact-link').first().click();
    await page.getByTestId('contact-edit').click();
    await page.getByTestId('field-title').fill('منسقة التحالف');
    await page.getByTestId('field-givenName').fill('');
    await page.getByTestId('field-familyName').fill('');
    await page.getByTestId('contact-save').click();
    expect(await page.getByTestId('contact-form').innerText()).toContain(
      'Give a given, family or display name.',
    );
    await page.getByTestId('field-givenName').fill('أسماء');
    await page.getByTestId('contact-save').click();
    await page.getByTestId('contact-detail').waitFor();
    expect(await page.getByTestId('page-title').innerText()).toBe('أسماء');
    expect(await page.getByTestId('contact-detail').innerText()).toContain('منسقة التحالف');
  });
});

describe('a contact with a code name', () => {
  const identityShown = async () => ({
    reach: await page.getByTestId('contact-reach').count(),
    text: await page.getByTestId('contact-detail').innerText(),
  });

  it('shows the code name in the list, search and Dashboard, the identity only on request', async () => {
    await goToContacts();
    await page.getByTestId('contacts-new').click();
    await page.getByTestId('contact-form').waitFor();
    await page.getByTestId('field-givenName').fill('Nour');
    await page.getByTestId('field-familyName').fill('Saleh');
    await page.getByTestId('field-codeName').fill('Jasmine');
    await page.getByTestId('add-emails').click();
    await page.getByTestId('field-emails-0').fill('nour.saleh@example.org');
    await page.getByTestId('field-notes').fill('Lives near the old market');
    await page.getByTestId('contact-save').click();
    await page.getByTestId('contact-detail').waitFor();

    // The page opens with the identity hidden.
    expect(await page.getByTestId('page-title').innerText()).toBe('Jasmine');
    await page.getByTestId('contact-code-name-badge').waitFor();
    let shown = await identityShown();
    expect(shown.reach).toBe(0);
    for (const secret of ['Nour', 'Saleh', 'nour.saleh@example.org', 'old market']) {
      expect(shown.text).not.toContain(secret);
    }
    await page.getByTestId('contact-reveal-identity').click();
    await page.getByTestId('contact-reach').waitFor();
    shown = await identityShown();
    expect(shown.text).toContain('nour.saleh@example.org');
    expect(await page.getByTestId('contact-facts').innerText()).toContain('Saleh');
    expect(shown.text).toContain('old market');
    await page.getByTestId('contact-hide-identity').click();
    await expect.poll(() => page.getByTestId('contact-reach').count()).toBe(0);

    // An interaction logged with them shows the code name on the Dashboard.
    await page.getByTestId('contact-log-interaction').click();
    const dialog = page.getByTestId('log-interaction-form');
    await dialog.getByTestId('log-outcome').fill('Agreed to help');
    await dialog.getByTestId('log-save').click();
    await page.getByTestId('log-saved').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('nav-dashboard').click();
    const recent = page.getByTestId('dashboard-recent');
    await expect.poll(() => recent.innerText()).toContain('Jasmine');
    expect(await recent.innerText()).not.toContain('Saleh');

    // Search finds them by the code name and by the name, and shows the code name.
    await goToContacts();
    for (const query of ['jasmine', 'Nour Saleh']) {
      await page.getByTestId('contact-search').fill(query);
      await expect.poll(() => rowNames().then((n) => n[0])).toBe('Jasmine');
    }
    expect(await page.getByTestId('contact-link').first().getAttribute('data-code-name')).toBe(
      'true',
    );
    await page.getByTestId('contact-link').first().click();
    await page.getByTestId('contact-detail').waitFor();
    // A new visit hides the identity again.
    expect(await page.getByTestId('contact-reach').count()).toBe(0);
  });

  it('says the same in Arabic, right to left', async () => {
    await setLanguageAndScheme(page, 'ar', 'light');
    await page.getByTestId('contact-detail').waitFor();
    const identity = page.getByTestId('contact-identity');
    expect(await identity.innerText()).toContain('لهذه الجهة اسم رمزي');
    expect(await page.getByTestId('contact-reveal-identity').innerText()).toBe('كشف الهوية');
    expect(await page.getByTestId('contact-code-name-badge').innerText()).toBe('اسم رمزي');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.screenshot({ path: artifactPath('contact-code-name-ar-light.png'), fullPage: true });
    await page.getByTestId('contact-reveal-identity').click();
    await page.getByTestId('contact-reach').waitFor();
    await page.screenshot({
      path: artifactPath('contact-code-name-revealed-ar-light.png'),
      fullPage: true,
    });
    await setLanguageAndScheme(page, 'en', 'light');
  });
});

describe('organizations', () => {
  it('lists organizations with their contacts, edits one and deletes one keeping its people', async () => {
    await goToContacts();
    await page.getByTestId('contact-book-tabs').getByText('Organizations').click();
    await page.getByTestId('organization-table').waitFor();
    const count = await page.getByTestId('organization-row').count();
    expect(count).toBeGreaterThan(3);
    await page.getByTestId('organization-search').fill('جمعيه النور');
    await expect.poll(() => page.getByTestId('organization-row').count()).toBe(1);
    expect(await page.getByTestId('organization-contacts').innerText()).toBe('1');
    await page.getByTestId('organization-row').getByRole('link').click();
    await page.getByTestId('organization-detail').waitFor();
    expect(await page.getByTestId('organization-people').innerText()).toContain('أسماء');

    await page.getByTestId('organization-edit').click();
    await page.getByTestId('organization-name').fill('');
    await page.getByTestId('organization-save').click();
    expect(await page.getByTestId('organization-form').innerText()).toContain(
      'This field is required.',
    );
    await page.getByTestId('organization-name').fill('جمعية النور للحقوق');
    await page.getByTestId('organization-save').click();
    await expect.poll(() => page.getByTestId('page-title').innerText()).toBe('جمعية النور للحقوق');

    await page.getByTestId('organization-delete').click();
    await page.getByTestId('organization-delete-confirm').click();
    await page.getByTestId('organization-table').waitFor();
    expect(await page.getByTestId('organization-row').count()).toBe(count - 1);

    await goToContacts();
    await page.getByTestId('contact-search').fill('أسماء');
    await page.getByTestId('contact-link').first().click();
    expect(await page.getByTestId('contact-facts').innerText()).toContain('جمعية النور للحقوق');

    await page.getByTestId('back-link').click();
    await page.getByTestId('contact-book-tabs').getByText('Organizations').click();
    await page.getByTestId('organization-new').click();
    await page.getByTestId('organization-name').fill('Eastbridge Youth Alliance');
    await page.getByTestId('organization-save').click();
    await page.getByTestId('organization-detail').waitFor();
    expect(await page.getByTestId('page-title').innerText()).toBe('Eastbridge Youth Alliance');
  });
});

describe('screenshots', () => {
  it('of the list with filters and a selection, a contact, the form with an error', async () => {
    await screenshotAll({
      'contacts-list': async () => {
        await goToContacts();
        await page.getByTestId('contact-search').fill('');
        await page.getByTestId('filter-open').click();
        await page.getByTestId('filter-kinds').click();
        await page.getByRole('option').first().click();
        await page.keyboard.press('Escape');
        await page.getByTestId('filter-done').click();
        await page.getByTestId('contact-select').nth(0).click();
        await page.getByTestId('contact-select').nth(1).click();
      },
      'contact-detail': async () => {
        await page.getByTestId('bulk-clear').click();
        await page.getByTestId('filter-clear-all').click();
        await page.getByTestId('contact-search').fill('Ortiz');
        await expect.poll(() => rowNames().then((n) => n[0])).toContain('Ortiz');
        await page.getByTestId('contact-link').first().click();
        await page.getByTestId('contact-detail').waitFor();
      },
      'contact-form': async () => {
        await page.goto(`${baseUrl}/#/contacts/new`);
        await page.getByTestId('contact-form').waitFor();
        await page.getByTestId('add-emails').click();
        await page.getByTestId('field-emails-0').fill('not an email');
        await page.getByTestId('add-address').click();
        await page.getByTestId('field-address-postalCode-0').fill('55501');
        await page.getByTestId('contact-save').click();
        await page.getByTestId('contact-form-error').waitFor();
        await page.getByTestId('field-emails-0').scrollIntoViewIfNeeded();
      },
      organizations: async () => {
        await page.goto(`${baseUrl}/#/organizations`);
        await page.getByTestId('organization-table').waitFor();
      },
    });
  }, 240_000);
});
